package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaintenanceServiceTest {
    private static final Caller ADMIN = new Caller("u-root", "admin", "sys", "wharf", "p-sys", true, true);
    private static final Caller ACCOUNT_ADMIN = new Caller("u-lead", "lead", "team", "team", "p-team", true, false);
    private final MaintenanceService maintenance = ClusterNodeTest.maintenance();

    @Test
    void writesAreServedUntilAnAdministratorMakesWharfReadOnly() {
        maintenance.requireWritable();
        maintenance.set(ADMIN, true, "backup before 0.29");
        WharfException refused = assertThrows(WharfException.class, maintenance::requireWritable);
        assertEquals(Failure.UNAVAILABLE, refused.failure());
        assertTrue(refused.getMessage().contains("read-only for maintenance: backup before 0.29"), refused.getMessage());
        maintenance.set(ADMIN, false, "ignored when off");
        maintenance.requireWritable();
        assertEquals("", maintenance.current().reason());
    }

    @Test
    void theSwitchRecordsWhoSetIt() {
        assertEquals("wharf/admin", maintenance.set(ADMIN, true, "").setBy());
        assertTrue(maintenance.current().readOnly());
    }

    @Test
    void onlyWharfsAdministratorsTurnItOn() {
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> maintenance.set(ACCOUNT_ADMIN, true, "mine")).failure());
        assertFalse(maintenance.current().readOnly());
    }

    @Test
    void theReasonIsOneBoundedLine() {
        WharfException newline = assertThrows(WharfException.class, () -> maintenance.set(ADMIN, true, "a\nb"));
        assertEquals("reason", newline.field());
        assertThrows(WharfException.class, () -> maintenance.set(ADMIN, true, "x".repeat(501)));
        assertFalse(maintenance.current().readOnly());
    }
}
