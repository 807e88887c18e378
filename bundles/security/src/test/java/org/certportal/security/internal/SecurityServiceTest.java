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
    void providersBoundAtOnceFromTwoThreadsAreBothInThePolicy() throws Exception {
        Thread[] second = new Thread[1];
        PermissionProvider late = () -> List.of(new PermissionDefinition("late.read", "", Set.of(Role.CERTIFICATION_MANAGER)));
        PermissionProvider early = () -> {
            if (second[0] == null) {
                // bind the other provider while this one's rebuild is under way
                second[0] = new Thread(() -> security.addProvider(late));
                second[0].start();
                Thread.State s;
                while ((s = second[0].getState()) != Thread.State.BLOCKED && s != Thread.State.TERMINATED) {
                    Thread.onSpinWait();
                }
            }
            return List.of(new PermissionDefinition("early.read", "", Set.of(Role.CERTIFICATION_MANAGER)));
        };
        security.addProvider(early);
        second[0].join();
        assertTrue(security.isPermitted(manager, "early.read"));
        assertTrue(security.isPermitted(manager, "late.read"), "the policy of the first rebuild must not win");
    }

    @Test
    void aBadValueIsRefusedByFileAndKeyAndTheLastGoodSettingsStay() {
        SecurityServiceImpl configured = new SecurityServiceImpl(TestConfigs.security(Map.of("sessionIdleMinutes", 5)));
        configured.modified(Map.of("sessionIdleMinutes", "ten"));
        assertEquals(java.time.Duration.ofMinutes(5), configured.sessionIdleTimeout(), "the last good value stays");
        configured.modified(Map.of("sessionIdleMinutes", "12"));
        assertEquals(java.time.Duration.ofMinutes(12), configured.sessionIdleTimeout());
        // each bad key and its sentence: SecuritySettingsTest
    }

    @Test
    void sessionTimeoutComesFromConfiguration() {
        SecurityServiceImpl configured = new SecurityServiceImpl(TestConfigs.security(Map.of("sessionIdleMinutes", 5)));
        assertEquals(java.time.Duration.ofMinutes(5), configured.sessionIdleTimeout());
    }
}
