package io.wharf.web.fakes;

import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepositories;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.repository.RepositoryQuery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Image repositories in memory, enough for the registry's use cases (lists and the catalog are tested on MariaDB). */
public final class InMemoryImageRepositories implements ImageRepositories {
    private final Map<String, ImageRepository> byPath = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public int count() {
        return byPath.size();
    }

    private static String key(NamespaceName namespace, RepositoryName name) {
        return namespace.value() + "/" + name.value();
    }

    @Override
    public ImageRepository add(Namespace namespace, RepositoryName name, RepositoryDetails details, String creatorId,
                               String creatorName) {
        Instant now = Instant.now();
        ImageRepository repository = new ImageRepository(ids.incrementAndGet(), namespace.id(), namespace.name(),
                namespace.accountId(), name, details.category(), details.description(), details.isPublic(), creatorId,
                creatorName, now, now, 0, 0, 0);
        byPath.put(key(namespace.name(), name), repository);
        return repository;
    }

    @Override
    public Optional<ImageRepository> byId(long id) {
        return byPath.values().stream().filter(r -> r.id() == id).findFirst();
    }

    @Override
    public Optional<ImageRepository> byName(NamespaceName namespace, RepositoryName name) {
        return Optional.ofNullable(byPath.get(key(namespace, name)));
    }

    @Override
    public synchronized ImageRepository lockForPush(Namespace namespace, RepositoryName name, String creatorId,
                                                    String creatorName) {
        return byName(namespace.name(), name).orElseGet(() -> add(namespace, name,
                new RepositoryDetails(Category.OTHER, "", false), creatorId, creatorName));
    }

    @Override
    public ImageRepository forPush(Namespace namespace, RepositoryName name, String creatorId, String creatorName) {
        return lockForPush(namespace, name, creatorId, creatorName);
    }

    @Override
    public ImageRepository update(ImageRepository r, RepositoryDetails details) {
        ImageRepository changed = new ImageRepository(r.id(), r.namespaceId(), r.namespace(), r.accountId(), r.name(),
                details.category(), details.description(), details.isPublic(), r.creatorId(), r.creatorName(),
                r.createdAt(), Instant.now(), r.size(), r.numImages(), r.numDownload());
        byPath.put(key(r.namespace(), r.name()), changed);
        return changed;
    }

    @Override
    public void countDownload(long repositoryId) {
        byPath.replaceAll((k, r) -> r.id() != repositoryId ? r : new ImageRepository(r.id(), r.namespaceId(),
                r.namespace(), r.accountId(), r.name(), r.category(), r.description(), r.isPublic(), r.creatorId(),
                r.creatorName(), r.createdAt(), r.updatedAt(), r.size(), r.numImages(), r.numDownload() + 1));
    }

    @Override
    public void remove(ImageRepository repository) {
        byPath.remove(key(repository.namespace(), repository.name()));
    }

    @Override
    public List<ImageRepository> list(RepositoryQuery query) {
        throw new UnsupportedOperationException("lists are tested on MariaDB");
    }

    @Override
    public long count(RepositoryQuery query) {
        throw new UnsupportedOperationException("lists are tested on MariaDB");
    }

    @Override
    public long countInNamespace(long namespaceId) {
        return byPath.values().stream().filter(r -> r.namespaceId() == namespaceId).count();
    }

    @Override
    public List<String> catalog(String accountId, String visibleTo, Instant now, String after, int limit) {
        throw new UnsupportedOperationException("the catalog is tested on MariaDB");
    }
}
