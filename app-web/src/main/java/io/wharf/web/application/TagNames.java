package io.wharf.web.application;

import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTags;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tag names of listed repositories, remembered by each repository's version. Every tag change updates its
 * repository's row (update time, image count, size) in the same transaction, so a version read with the page can only
 * name the tags that version had: a list never shows a tag that is gone, on this server or any other of a cluster.
 * Names are not rights: which repositories a caller sees is always read afresh. Losing the cache costs one query.
 */
@ApplicationScoped
public class TagNames {
    private static final int MAX_ENTRIES = 20_000;

    private record Version(Instant updatedAt, long numImages, long size) {
        static Version of(ImageRepository repository) {
            return new Version(repository.updatedAt(), repository.numImages(), repository.size());
        }
    }

    private record Entry(Version version, List<String> names) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    @Inject
    ImageTags tags;

    TagNames() {
    }

    TagNames(ImageTags tags) {
        this.tags = tags;
    }

    /** The names of each repository's tags, in name order, by repository id. */
    Map<Long, List<String>> of(Collection<ImageRepository> repositories) {
        Map<Long, List<String>> names = new HashMap<>();
        Map<Long, Version> missing = new HashMap<>();
        for (ImageRepository repository : repositories) {
            Version version = Version.of(repository);
            Entry entry = entries.get(repository.id());
            if (entry != null && entry.version().equals(version)) {
                names.put(repository.id(), entry.names());
            } else {
                missing.put(repository.id(), version);
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, List<String>> loaded = tags.namesOf(missing.keySet());
            if (entries.size() + missing.size() > MAX_ENTRIES) {
                entries.clear();
            }
            missing.forEach((id, version) -> {
                List<String> found = List.copyOf(loaded.getOrDefault(id, List.of()));
                // Stored under the version read before the names: a tag change committed in between makes a newer
                // version, which misses this entry and reads again.
                entries.put(id, new Entry(version, found));
                names.put(id, found);
            });
        }
        return names;
    }
}
