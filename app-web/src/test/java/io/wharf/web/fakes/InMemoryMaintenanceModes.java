package io.wharf.web.fakes;

import io.wharf.domain.maintenance.MaintenanceMode;
import io.wharf.domain.maintenance.MaintenanceModes;

/** The maintenance switch in a field. */
public final class InMemoryMaintenanceModes implements MaintenanceModes {
    private volatile MaintenanceMode mode = MaintenanceMode.OFF;

    @Override
    public MaintenanceMode current() {
        return mode;
    }

    @Override
    public void set(MaintenanceMode mode) {
        this.mode = mode;
    }
}
