package io.wharf.domain.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The manifests of repositories, the blobs each repository may serve, and what garbage collection may keep. */
public interface Manifests {

    /** Stores a manifest (an existing one with the same digest is kept as it is) and returns it. */
    StoredManifest add(StoredManifest manifest);

    Optional<StoredManifest> byDigest(long repositoryId, String digest);

    /** The byte size of one of the repository's manifests, without its references. */
    Optional<Long> manifestSize(long repositoryId, String digest);

    /** The manifests of the repository whose {@code subject} is {@code digest}, optionally of one artifact type. */
    List<StoredManifest> referrers(long repositoryId, String digest, String artifactType);

    void remove(StoredManifest manifest);

    /** Which of {@code digests} are manifests of the repository. */
    Set<String> presentManifests(long repositoryId, Collection<String> digests);

    /** Lets the repository serve a blob; linking again refreshes the link's time. */
    void link(long repositoryId, String digest, long size, Instant at);

    /** The size of a blob the repository may serve. */
    Optional<Long> linkedSize(long repositoryId, String digest);

    /** Which of {@code digests} the repository may serve. */
    Set<String> linked(long repositoryId, Collection<String> digests);

    /** Which of {@code digests} the repository may serve; those found get their link time refreshed to {@code at}. */
    Set<String> touchLinks(long repositoryId, Collection<String> digests, Instant at);

    void unlink(long repositoryId, String digest);

    /** Removes links made before {@code cutoff} that no manifest of their repository references; returns how many. */
    int removeUnreferencedLinks(Instant cutoff);

    /** Every digest that a link, a manifest or a manifest's reference still names. */
    Set<String> liveDigests();

    /** How many links {@link #removeUnreferencedLinks} would remove, removing none (a collection's dry run). */
    int countUnreferencedLinks(Instant cutoff);

    /** The digests {@link #liveDigests} would name once {@link #removeUnreferencedLinks} had run (a dry run's). */
    Set<String> liveDigestsAfterRemovingLinks(Instant cutoff);
}
