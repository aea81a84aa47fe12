package io.wharf.domain.scan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The imported vulnerability advisories (kept as their OSV documents) and the deny-list of malicious file hashes. */
public interface Advisories {

    /** An advisory as read from its feed, with the document it was read from. */
    record Imported(Advisory advisory, String document) {
    }

    /** Records an import that begins: {@code running}, waiting its turn. */
    FeedImport begin(String source, Instant startedAt);

    /** Records how far a running import (or its re-matching) has got. */
    void progress(long importId, FeedImport.Progress progress);

    /** Puts a batch of a running import's advisories aside, not yet stored (an advisory read twice is kept once). */
    void stage(long importId, List<Imported> batch);

    /**
     * Makes up to {@code limit} of what the import put aside stored advisories (an advisory imported again is replaced),
     * in id order; returns how many, 0 when nothing is left. Each call is short, so that a feed of any size never holds
     * one long transaction (the embedded database stalls every other request behind one).
     */
    int publishSome(long importId, int limit);

    /** Marks the import {@code imported} with its count; the stored images are re-matched next. */
    FeedImport markImported(long importId, int advisoryCount, Instant finishedAt);

    /** Publishes everything put aside and marks the import imported (a small feed, or a test). */
    default FeedImport publish(long importId, int advisoryCount, Instant finishedAt) {
        while (publishSome(importId, 10_000) > 0) {
            // each round moves the next ids
        }
        return markImported(importId, advisoryCount, finishedAt);
    }

    /** Stages and publishes in one go (a small feed, or a test). */
    default FeedImport store(long importId, List<Imported> advisories, Instant finishedAt) {
        stage(importId, advisories);
        return publish(importId, advisories.size(), finishedAt);
    }

    /** Marks an import that changed nothing {@code refused}, with why, and drops what it had put aside. */
    FeedImport refused(long importId, String message, Instant finishedAt);

    Optional<FeedImport> importById(long importId);

    /** Imports whose work a stopped server left unfinished: still running, or imported and not done re-matching. */
    List<FeedImport> unfinished();

    /** The documents of the advisories naming the package. */
    List<String> documentsAffecting(String ecosystem, String packageName);

    Optional<String> document(String advisoryId);

    /** The documents of the advisories that name {@code alias} (a CVE id) among their aliases, at most 100. */
    List<String> documentsAliasing(String alias);

    List<FeedImport> imports(int offset, int limit);

    long countImports();

    long count();

    /** Adds file hashes (SHA-256 to name) to the deny-list. */
    void addMaliciousHashes(Map<String, String> hashes);

    Map<String, String> maliciousHashes();

    /** Adds SHA-1 to {@code group:artifact:version} entries to the Maven index (an entry imported again is replaced). */
    void addMavenHashes(Map<String, String> coordinatesBySha1);

    /** The Maven coordinates of the jars with these SHA-1s that the index knows. */
    Map<String, String> mavenCoordinates(java.util.Collection<String> sha1s);
}
