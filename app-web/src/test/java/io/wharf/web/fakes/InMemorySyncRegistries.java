package io.wharf.web.fakes;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.sync.SyncRegistries;
import io.wharf.domain.sync.SyncRegistry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** An account's sync registries in a map, unique by name within the account. */
public final class InMemorySyncRegistries implements SyncRegistries {
    private final Map<Long, SyncRegistry> registries = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public SyncRegistry add(SyncRegistry r) {
        if (registries.values().stream().anyMatch(o -> o.accountId().equals(r.accountId()) && o.name().equals(r.name()))) {
            throw WharfException.exists(Subject.SYNC_REGISTRY, "The registry " + r.name() + " is already registered.");
        }
        SyncRegistry stored = new SyncRegistry(ids.incrementAndGet(), r.accountId(), r.name(), r.type(), r.url(),
                r.username(), r.sealedPassword(), r.createdAt());
        registries.put(stored.id(), stored);
        return stored;
    }

    @Override
    public List<SyncRegistry> list(String accountId) {
        return registries.values().stream().filter(r -> r.accountId().equals(accountId)).toList();
    }

    @Override
    public Optional<SyncRegistry> byId(String accountId, long id) {
        return Optional.ofNullable(registries.get(id)).filter(r -> r.accountId().equals(accountId));
    }

    @Override
    public void remove(SyncRegistry registry) {
        registries.remove(registry.id());
    }
}
