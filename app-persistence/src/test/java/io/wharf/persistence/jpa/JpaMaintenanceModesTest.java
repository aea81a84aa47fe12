package io.wharf.persistence.jpa;

import io.wharf.domain.maintenance.MaintenanceMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JpaMaintenanceModesTest {
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    @Test
    void theSwitchIsOffUntilSetAndKeepsItsLastSetting() {
        assertEquals(MaintenanceMode.OFF, db.inTransaction(em -> new JpaMaintenanceModes(em).current()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        MaintenanceMode on = new MaintenanceMode(true, "nightly backup", "wharf/admin", now);
        db.inTransaction(em -> {
            new JpaMaintenanceModes(em).set(on);
            return null;
        });
        assertEquals(on, db.inTransaction(em -> new JpaMaintenanceModes(em).current()));
        MaintenanceMode off = new MaintenanceMode(false, "", "wharf/admin", now.plusSeconds(60));
        db.inTransaction(em -> {
            new JpaMaintenanceModes(em).set(off);
            return null;
        });
        assertEquals(off, db.inTransaction(em -> new JpaMaintenanceModes(em).current()));
    }
}
