import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo start's mail catcher (karaf-assembly/mail-catcher.sh): an SMTP server on localhost that
 * delivers nowhere. Each message the portal sends is kept as a file (NNNN.eml in the mail folder) and
 * listed on a small web page, so a newcomer sees the emails the product sends without a mail server.
 * Run as a single-file program: java MailCatcher.java SMTP_PORT WEB_PORT FOLDER. Localhost only, no
 * authentication, no TLS: for a demo on one machine, never for real mail.
 */
public final class MailCatcher {
    private static final int MAX_MESSAGE_BYTES = 20 * 1024 * 1024;
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=(?:\\s+(?==\\?))?");

    private final Path folder;
    private final AtomicLong next;

    private MailCatcher(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        try (Stream<Path> kept = Files.list(folder)) {
            next = new AtomicLong(kept.map(MailCatcher::number).max(Long::compare).orElse(0L) + 1);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java MailCatcher.java SMTP_PORT WEB_PORT FOLDER");
            System.exit(2);
        }
        MailCatcher catcher = new MailCatcher(Path.of(args[2]));
        InetAddress local = InetAddress.getLoopbackAddress();
        HttpServer web = HttpServer.create(new InetSocketAddress(local, Integer.parseInt(args[1])), 0);
        web.createContext("/", catcher::page);
        web.start();
        try (ServerSocket smtp = new ServerSocket(Integer.parseInt(args[0]), 50, local)) {
            System.out.println("Mail catcher: SMTP on " + local.getHostAddress() + ":" + args[0] + ", messages at http://localhost:"
                    + args[1] + "/ and in " + catcher.folder);
            var sessions = Executors.newCachedThreadPool();
            while (true) {
                Socket client = smtp.accept();
                sessions.execute(() -> catcher.session(client));
            }
        }
    }

    /** One SMTP conversation: just enough of RFC 5321 for a mail client that sends without TLS or login. */
    private void session(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 localhost CertPortal demo mail catcher");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SIZE " + MAX_MESSAGE_BYTES);
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        reply(out, keep(in) ? "250 OK: kept" : "552 Message too large");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Not implemented");
                }
            }
        } catch (IOException e) {
            System.err.println("Mail catcher: a conversation broke off: " + e.getMessage());
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    /** Reads the message up to the lone dot, undoes the dot-stuffing and keeps it as the next NNNN.eml. */
    private boolean keep(BufferedReader in) throws IOException {
        StringBuilder message = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (message.length() < MAX_MESSAGE_BYTES) {
                message.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
        }
        if (message.length() >= MAX_MESSAGE_BYTES) {
            return false;
        }
        Path file = folder.resolve(String.format("%04d.eml", next.getAndIncrement()));
        Files.writeString(file, message, StandardCharsets.UTF_8);
        System.out.println("Mail catcher: kept " + file.getFileName() + " "
                + decodeWords(header(message.toString(), "Subject")));
        return true;
    }

    /** "/" lists the kept messages, newest first; "/NNNN.eml" shows one as it was received. */
    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.matches("/\\d{4,}\\.eml")) {
                Path file = folder.resolve(path.substring(1));
                if (Files.isRegularFile(file)) {
                    String raw = exchange.getRequestURI().getQuery();
                    byte[] shown = "raw".equals(raw) ? Files.readAllBytes(file)
                            : readable(Files.readString(file, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    send(exchange, 200, "text/plain; charset=utf-8", shown);
                    return;
                }
            }
            if (!path.equals("/")) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=utf-8>"
                    + "<title>CertPortal demo mail</title><style>body{font-family:sans-serif;margin:1em}"
                    + "td,th{padding:.2em .6em;text-align:left;border-bottom:1px solid #ddd}</style></head><body>"
                    + "<h1>Mail sent by the demo portal</h1><p>Kept in " + escape(folder.toString())
                    + "; nothing leaves this machine.</p><table><tr><th>#</th><th>To</th><th>Subject</th><th>Date</th></tr>");
            for (Path file : kept()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString();
                html.append("<tr><td><a href=\"/").append(name).append("\">").append(name, 0, name.length() - 4)
                        .append("</a></td><td>").append(escape(decodeWords(header(text, "To")))).append("</td><td>")
                        .append(escape(decodeWords(header(text, "Subject")))).append("</td><td>")
                        .append(escape(header(text, "Date")))
                        .append("</td></tr>");
            }
            html.append("</table></body></html>");
            send(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The message as a person reads it: its main headers with encoded words decoded, then the body
     * decoded when it is one quoted-printable or base64 text (the portal sends plain text);
     * "?raw" shows it as received.
     */
    static String readable(String message) {
        int split = message.indexOf("\r\n\r\n");
        String head = split < 0 ? message : message.substring(0, split);
        String body = split < 0 ? "" : message.substring(split + 4);
        StringBuilder out = new StringBuilder();
        for (String name : List.of("Date", "From", "To", "Cc", "Subject")) {
            String value = header(head, name);
            if (!value.isEmpty()) {
                out.append(name).append(": ").append(decodeWords(value)).append('\n');
            }
        }
        String encoding = header(head, "Content-Transfer-Encoding").toLowerCase(Locale.ROOT);
        String type = header(head, "Content-Type").toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/")) {
            if (encoding.equals("quoted-printable")) {
                body = new String(quotedPrintable(body), StandardCharsets.UTF_8);
            } else if (encoding.equals("base64")) {
                body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            }
        }
        return out.append('\n').append(body.replace("\r\n", "\n")).toString();
    }

    /**
     * RFC 2047 encoded words ("=?UTF-8?Q?...?=", "=?UTF-8?B?...?=") in their characters; the white
     * space between two adjacent encoded words is no part of the text (the pattern takes it along).
     */
    static String decodeWords(String value) {
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Charset charset = Charset.isSupported(m.group(1)) ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, charset)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String joined = text.replace("=\r\n", "").replace("=\n", "");
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> number(f) > 0).sorted(Comparator.comparingLong(MailCatcher::number).reversed()).toList();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A header's value as sent (encoded words are left as they are: this is a demo's viewer). */
    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        return name.matches("\\d+\\.eml") ? Long.parseLong(name.substring(0, name.length() - 4)) : 0;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
