package org.certportal.security.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a {@link SecurityConfig} the way DS would: given values, defaults for the rest. */
final class TestConfigs {
    private TestConfigs() {
    }

    static SecurityConfig security(Map<String, Object> values) {
        return (SecurityConfig) Proxy.newProxyInstance(SecurityConfig.class.getClassLoader(),
                new Class<?>[] { SecurityConfig.class }, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }
}
