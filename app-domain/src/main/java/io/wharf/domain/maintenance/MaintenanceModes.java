package io.wharf.domain.maintenance;

/** Where the installation's one maintenance switch is kept, shared by every Wharf server on the database. */
public interface MaintenanceModes {

    MaintenanceMode current();

    void set(MaintenanceMode mode);
}
