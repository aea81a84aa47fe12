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
    private final Map<Long, Map<String, Imported>> staged = new HashMap<>();
    private final List<FeedImport> imports = new ArrayList<>();
    private final Map<String, String> hashes = new HashMap<>();

    @Override
    public synchronized FeedImport begin(String source, Instant startedAt) {
        FeedImport begun = new FeedImport(imports.size() + 1, source, FeedImport.RUNNING, 0, "", startedAt, null,
                FeedImport.Progress.of(FeedImport.Progress.WAITING));
        imports.add(0, begun);
        return begun;
    }

    @Override
    public synchronized void progress(long importId, FeedImport.Progress progress) {
        FeedImport i = importById(importId).orElseThrow();
        replace(new FeedImport(i.id(), i.source(), i.status(), i.advisoryCount(), i.message(), i.startedAt(), i.finishedAt(),
                progress));
    }

    @Override
    public synchronized void stage(long importId, List<Imported> batch) {
        Map<String, Imported> aside = staged.computeIfAbsent(importId, id -> new LinkedHashMap<>());
        batch.forEach(i -> aside.put(i.advisory().id(), i));
    }

    @Override
    public synchronized int publishSome(long importId, int limit) {
        Map<String, Imported> aside = staged.getOrDefault(importId, new LinkedHashMap<>());
        List<String> ids = aside.keySet().stream().sorted().limit(limit).toList();
        ids.forEach(id -> advisories.put(id, aside.remove(id)));
        return ids.size();
    }

    @Override
    public synchronized FeedImport markImported(long importId, int advisoryCount, Instant finishedAt) {
        staged.remove(importId);
        FeedImport i = importById(importId).orElseThrow();
        return replace(new FeedImport(i.id(), i.source(), FeedImport.IMPORTED, advisoryCount, "", i.startedAt(), finishedAt,
                FeedImport.Progress.of(FeedImport.Progress.MATCHING)));
    }

    /** How many advisories imports have put aside and not published or dropped. */
    public synchronized int stagedCount() {
        return staged.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public synchronized FeedImport refused(long importId, String message, Instant finishedAt) {
        staged.remove(importId);
        FeedImport i = importById(importId).orElseThrow();
        return replace(new FeedImport(i.id(), i.source(), FeedImport.REFUSED, 0, message, i.startedAt(), finishedAt,
                FeedImport.Progress.of(FeedImport.Progress.DONE)));
    }

    private FeedImport replace(FeedImport changed) {
        imports.replaceAll(i -> i.id() == changed.id() ? changed : i);
        return changed;
    }

    @Override
    public synchronized Optional<FeedImport> importById(long importId) {
        return imports.stream().filter(i -> i.id() == importId).findFirst();
    }

    @Override
    public synchronized List<FeedImport> unfinished() {
        return imports.stream().filter(FeedImport::active).toList();
    }

    @Override
    public synchronized List<String> documentsAffecting(String ecosystem, String packageName) {
        return advisories.values().stream().filter(i -> i.advisory().affected().stream()
                .anyMatch((AffectedPackage p) -> io.wharf.domain.scan.Ecosystems.canonical(p.ecosystem()).equals(ecosystem)
                        && p.name().equals(packageName)))
                .map(Imported::document).toList();
    }

    @Override
    public synchronized List<String> documentsAliasing(String alias) {
        return advisories.values().stream().filter(i -> i.advisory().aliases().contains(alias)).map(Imported::document)
                .limit(100).toList();
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

    private final Map<String, String> mavenHashes = new HashMap<>();

    @Override
    public synchronized void addMavenHashes(Map<String, String> coordinatesBySha1) {
        mavenHashes.putAll(coordinatesBySha1);
    }

    @Override
    public synchronized Map<String, String> mavenCoordinates(java.util.Collection<String> sha1s) {
        Map<String, String> found = new HashMap<>();
        sha1s.stream().filter(mavenHashes::containsKey).forEach(h -> found.put(h, mavenHashes.get(h)));
        return found;
    }
}
