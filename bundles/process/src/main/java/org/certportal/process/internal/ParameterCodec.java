package org.certportal.process.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Parameters as one line of text for the database: {@code a=1&b=x%20y}, sorted by name. */
final class ParameterCodec {
    private ParameterCodec() {
    }

    static String encode(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(enc(k)).append('=')
                .append(enc(v)));
        return sb.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> values = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            values.put(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
        }
        return values;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
