package io.wharf.web.fakes;

import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.namespace.NamespaceQuery;
import io.wharf.domain.namespace.Namespaces;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Organizations in memory, enough for the registry's use cases (no lists). */
public final class InMemoryNamespaces implements Namespaces {
    private final Map<String, Namespace> byName = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Namespace add(NamespaceName name, String accountId, String creatorId, String creatorName) {
        Namespace ns = new Namespace(ids.incrementAndGet(), name, accountId, creatorId, creatorName, Instant.now());
        byName.put(name.value(), ns);
        return ns;
    }

    @Override
    public Optional<Namespace> byName(NamespaceName name) {
        return Optional.ofNullable(byName.get(name.value()));
    }

    @Override
    public List<Namespace> list(NamespaceQuery query) {
        throw new UnsupportedOperationException("lists are tested on MariaDB");
    }

    @Override
    public long count(NamespaceQuery query) {
        throw new UnsupportedOperationException("lists are tested on MariaDB");
    }

    @Override
    public void remove(Namespace namespace) {
        byName.remove(namespace.name().value());
    }
}
