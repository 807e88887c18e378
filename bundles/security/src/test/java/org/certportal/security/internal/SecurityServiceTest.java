package org.certportal.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.certportal.security.api.Caller;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.Test;

class SecurityServiceTest {
    private final SecurityServiceImpl security = new SecurityServiceImpl(TestConfigs.security(Map.of()));
    private final Caller manager = new Caller("m", "M", Set.of(Role.CERTIFICATION_MANAGER));

    @Test
    void listenersHearOfPermissionChangesAfterThePolicyChanged() {
        AtomicInteger calls = new AtomicInteger();
        boolean[] permittedWhenTold = new boolean[1];
        security.addListener(() -> {
            calls.incrementAndGet();
            permittedWhenTold[0] = security.isPermitted(manager, "area.manage");
        });
        PermissionProvider provider = () -> List.of(
                new PermissionDefinition("area.manage", "", Set.of(Role.CERTIFICATION_MANAGER)));
        security.addProvider(provider);
        assertEquals(1, calls.get());
        assertTrue(permittedWhenTold[0], "the listener must see the new definitions");
        security.removeProvider(provider);
        assertEquals(2, calls.get());
        assertFalse(security.isPermitted(manager, "area.manage"));
    }

    @Test
    void aFailingProviderDoesNotHideTheOthers() {
        security.addProvider(() -> {
            throw new IllegalStateException("broken bundle");
        });
        security.addProvider(() -> List.of(new PermissionDefinition("area.read", "", Set.of(Role.STAFF))));
        assertTrue(security.isPermitted(manager, "area.read"));
    }

    @Test
    void sessionTimeoutComesFromConfiguration() {
        SecurityServiceImpl configured = new SecurityServiceImpl(TestConfigs.security(Map.of("sessionIdleMinutes", 5)));
        assertEquals(java.time.Duration.ofMinutes(5), configured.sessionIdleTimeout());
    }
}
