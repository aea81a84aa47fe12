package io.wharf.domain.sync;

import java.util.List;
import java.util.Optional;

/** The registries each account syncs from. */
public interface SyncRegistries {

    /** Stores a new registry; a name the account already uses fails as {@code Failure.EXISTS}. */
    SyncRegistry add(SyncRegistry registry);

    List<SyncRegistry> list(String accountId);

    Optional<SyncRegistry> byId(String accountId, long id);

    /** Removes the registry and the images synced from it. */
    void remove(SyncRegistry registry);
}
