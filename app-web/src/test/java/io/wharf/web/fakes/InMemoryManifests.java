package io.wharf.web.fakes;

import io.wharf.domain.registry.Manifests;
import io.wharf.domain.registry.StoredManifest;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Manifests and blob links in memory, with the same rules as the database's. */
public final class InMemoryManifests implements Manifests {
    private record Link(long size, Instant at) {
    }

    private final Map<String, StoredManifest> manifests = new ConcurrentHashMap<>();
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private static String key(long repositoryId, String digest) {
        return repositoryId + "@" + digest;
    }

    public int manifestCount() {
        return manifests.size();
    }

    @Override
    public StoredManifest add(StoredManifest m) {
        return manifests.computeIfAbsent(key(m.repositoryId(), m.digest()), k -> new StoredManifest(ids.incrementAndGet(),
                m.repositoryId(), m.digest(), m.mediaType(), m.size(), m.imageSize(), m.configDigest(), m.architectures(),
                m.subjectDigest(), m.artifactType(), m.annotations(), m.pushedAt(), m.blobs(), m.children()));
    }

    @Override
    public Optional<StoredManifest> byDigest(long repositoryId, String digest) {
        return Optional.ofNullable(manifests.get(key(repositoryId, digest)));
    }

    @Override
    public Optional<Long> manifestSize(long repositoryId, String digest) {
        return byDigest(repositoryId, digest).map(StoredManifest::size);
    }

    @Override
    public List<StoredManifest> referrers(long repositoryId, String digest, String artifactType) {
        return manifests.values().stream().filter(m -> m.repositoryId() == repositoryId
                && digest.equals(m.subjectDigest()) && (artifactType == null || artifactType.equals(m.artifactType())))
                .toList();
    }

    @Override
    public void remove(StoredManifest manifest) {
        manifests.remove(key(manifest.repositoryId(), manifest.digest()));
    }

    @Override
    public Set<String> presentManifests(long repositoryId, Collection<String> digests) {
        Set<String> present = new HashSet<>();
        digests.stream().filter(d -> manifests.containsKey(key(repositoryId, d))).forEach(present::add);
        return present;
    }

    @Override
    public void link(long repositoryId, String digest, long size, Instant at) {
        links.put(key(repositoryId, digest), new Link(size, at));
    }

    @Override
    public Optional<Long> linkedSize(long repositoryId, String digest) {
        return Optional.ofNullable(links.get(key(repositoryId, digest))).map(Link::size);
    }

    @Override
    public Set<String> linked(long repositoryId, Collection<String> digests) {
        Set<String> found = new LinkedHashSet<>();
        digests.stream().filter(d -> links.containsKey(key(repositoryId, d))).forEach(found::add);
        return found;
    }

    @Override
    public Set<String> touchLinks(long repositoryId, Collection<String> digests, Instant at) {
        Set<String> found = new LinkedHashSet<>();
        for (String digest : digests) {
            links.computeIfPresent(key(repositoryId, digest), (k, link) -> {
                found.add(digest);
                return new Link(link.size(), at);
            });
        }
        return found;
    }

    @Override
    public void unlink(long repositoryId, String digest) {
        links.remove(key(repositoryId, digest));
    }

    @Override
    public int removeUnreferencedLinks(Instant cutoff) {
        throw new UnsupportedOperationException("garbage collection is tested on MariaDB");
    }

    @Override
    public int countUnreferencedLinks(Instant cutoff) {
        throw new UnsupportedOperationException("garbage collection is tested on MariaDB");
    }

    @Override
    public Set<String> liveDigestsAfterRemovingLinks(Instant cutoff) {
        throw new UnsupportedOperationException("garbage collection is tested on MariaDB");
    }

    @Override
    public Set<String> liveDigests() {
        Set<String> live = new HashSet<>();
        links.keySet().forEach(k -> live.add(k.substring(k.indexOf('@') + 1)));
        manifests.values().forEach(m -> {
            live.add(m.digest());
            live.addAll(m.blobs());
            m.children().stream().filter(Objects::nonNull).forEach(live::add);
        });
        return live;
    }
}
