package io.wharf.persistence.jpa;

import io.wharf.domain.maintenance.MaintenanceMode;
import io.wharf.domain.maintenance.MaintenanceModes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.util.List;

/** The switch in {@code maintenance_mode}'s one row, written when first set (no row: off). */
@ApplicationScoped
public class JpaMaintenanceModes implements MaintenanceModes {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaMaintenanceModes() {
    }

    public JpaMaintenanceModes(EntityManager em) {
        this.em = em;
    }

    @Override
    public MaintenanceMode current() {
        List<?> rows = em.createNativeQuery("SELECT read_only, reason, set_by, set_at FROM maintenance_mode WHERE id = 1")
                .getResultList();
        if (rows.isEmpty()) {
            return MaintenanceMode.OFF;
        }
        Object[] row = (Object[]) rows.get(0);
        return new MaintenanceMode(JpaScanReports.bool(row[0]), (String) row[1], (String) row[2],
                JpaCollectionRuns.instant(row[3]));
    }

    @Override
    public void set(MaintenanceMode mode) {
        em.createNativeQuery("INSERT INTO maintenance_mode (id, read_only, reason, set_by, set_at) VALUES (1, ?1, ?2, ?3, ?4)"
                        + " ON DUPLICATE KEY UPDATE read_only = ?1, reason = ?2, set_by = ?3, set_at = ?4")
                .setParameter(1, mode.readOnly()).setParameter(2, mode.reason()).setParameter(3, mode.setBy())
                .setParameter(4, Timestamp.from(mode.setAt())).executeUpdate();
    }
}
