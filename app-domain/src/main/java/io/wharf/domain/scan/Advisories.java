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

    /** Stores the advisories (an advisory imported again is replaced) and records the import, all or nothing. */
    FeedImport store(String source, List<Imported> advisories, Instant startedAt, Instant finishedAt);

    /** Records an import that changed nothing, with why. */
    FeedImport refused(String source, String message, Instant startedAt, Instant finishedAt);

    /** The documents of the advisories naming the package. */
    List<String> documentsAffecting(String ecosystem, String packageName);

    Optional<String> document(String advisoryId);

    List<FeedImport> imports(int offset, int limit);

    long countImports();

    long count();

    /** Adds file hashes (SHA-256 to name) to the deny-list. */
    void addMaliciousHashes(Map<String, String> hashes);

    Map<String, String> maliciousHashes();
}
