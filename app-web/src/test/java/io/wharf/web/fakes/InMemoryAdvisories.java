package io.wharf.web.fakes;

import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.AffectedPackage;
import io.wharf.domain.scan.FeedImport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Advisories and their documents in maps; imports recorded newest first. */
public final class InMemoryAdvisories implements Advisories {
    private final Map<String, Imported> advisories = new LinkedHashMap<>();
    private final List<FeedImport> imports = new ArrayList<>();
    private final Map<String, String> hashes = new HashMap<>();

    @Override
    public synchronized FeedImport store(String source, List<Imported> read, Instant startedAt, Instant finishedAt) {
        read.forEach(i -> advisories.put(i.advisory().id(), i));
        FeedImport done = new FeedImport(imports.size() + 1, source, FeedImport.IMPORTED, read.size(), "", startedAt, finishedAt);
        imports.add(0, done);
        return done;
    }

    @Override
    public synchronized FeedImport refused(String source, String message, Instant startedAt, Instant finishedAt) {
        FeedImport done = new FeedImport(imports.size() + 1, source, FeedImport.REFUSED, 0, message, startedAt, finishedAt);
        imports.add(0, done);
        return done;
    }

    @Override
    public synchronized List<String> documentsAffecting(String ecosystem, String packageName) {
        return advisories.values().stream().filter(i -> i.advisory().affected().stream()
                .anyMatch((AffectedPackage p) -> p.ecosystem().equals(ecosystem) && p.name().equals(packageName)))
                .map(Imported::document).toList();
    }

    @Override
    public synchronized Optional<String> document(String advisoryId) {
        return Optional.ofNullable(advisories.get(advisoryId)).map(Imported::document);
    }

    @Override
    public synchronized List<FeedImport> imports(int offset, int limit) {
        return imports.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long countImports() {
        return imports.size();
    }

    @Override
    public long count() {
        return advisories.size();
    }

    @Override
    public void addMaliciousHashes(Map<String, String> added) {
        hashes.putAll(added);
    }

    @Override
    public Map<String, String> maliciousHashes() {
        return Map.copyOf(hashes);
    }
}
