package io.wharf.web.fakes;

import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.TagPulls;
import io.wharf.domain.repository.ImageTags;
import io.wharf.domain.repository.TagQuery;
import io.wharf.domain.repository.TaggedImage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Tags in memory, in tag order per repository. */
public final class InMemoryImageTags implements ImageTags {
    private final Map<String, ImageTag> tags = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    private static String key(long repositoryId, String tag) {
        return String.format("%012d/%s", repositoryId, tag);
    }

    @Override
    public ImageTag put(ImageRepository repository, String tag, TaggedImage image) {
        Instant now = Instant.now();
        ImageTag old = tags.get(key(repository.id(), tag));
        ImageTag stored = new ImageTag(old == null ? ids.incrementAndGet() : old.id(), repository.id(), tag,
                image.digest(), image.imageId(), image.manifest(), image.schema(), image.size(), image.tagType(),
                image.mediaType(), image.architectures(), old == null ? now : old.createdAt(), now);
        tags.put(key(repository.id(), tag), stored);
        return stored;
    }

    @Override
    public List<ImageTag> byDigest(long repositoryId, String digest) {
        return tags.values().stream().filter(t -> t.repositoryId() == repositoryId && t.digest().equals(digest)).toList();
    }

    @Override
    public Optional<ImageTag> byTag(long repositoryId, String tag) {
        return Optional.ofNullable(tags.get(key(repositoryId, tag)));
    }

    @Override
    public List<ImageTag> list(TagQuery query) {
        java.util.Comparator<ImageTag> order = query.byUpdateTime()
                ? java.util.Comparator.comparing(ImageTag::updatedAt).thenComparing(ImageTag::tag)
                : java.util.Comparator.comparing(ImageTag::tag);
        return matching(query).sorted(query.descending() ? order.reversed() : order).skip(query.offset())
                .limit(query.limit()).toList();
    }

    @Override
    public long count(TagQuery query) {
        return matching(query).count();
    }

    private java.util.stream.Stream<ImageTag> matching(TagQuery query) {
        return tags.values().stream().filter(t -> t.repositoryId() == query.repositoryId()
                && (query.tagContains() == null || t.tag().contains(query.tagContains())));
    }

    @Override
    public Map<Long, List<String>> namesOf(Collection<Long> repositoryIds) {
        throw new UnsupportedOperationException("lists are tested on MariaDB");
    }

    private final Map<String, TagPulls> pulls = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void countPull(long repositoryId, String reference, java.time.Instant at) {
        tags.values().stream().filter(t -> t.repositoryId() == repositoryId
                        && (reference.contains(":") ? t.digest().equals(reference) : t.tag().equals(reference)))
                .forEach(t -> pulls.merge(key(repositoryId, t.tag()), new TagPulls(1, at),
                        (a, b) -> new TagPulls(a.count() + 1, at)));
    }

    @Override
    public Map<String, TagPulls> pulls(long repositoryId, Collection<String> names) {
        Map<String, TagPulls> found = new java.util.LinkedHashMap<>();
        names.forEach(n -> java.util.Optional.ofNullable(pulls.get(key(repositoryId, n))).ifPresent(p -> found.put(n, p)));
        return found;
    }

    @Override
    public List<ImageTag> withDigestPrefix(Collection<Long> repositoryIds, String digestPrefix, int limit) {
        return tags.values().stream().filter(t -> repositoryIds.contains(t.repositoryId()) && t.digest().startsWith(digestPrefix))
                .limit(limit).toList();
    }

    @Override
    public void remove(ImageRepository repository, ImageTag tag) {
        tags.remove(key(repository.id(), tag.tag()));
    }

    @Override
    public List<String> namesAfter(long repositoryId, String after, int limit) {
        return tags.values().stream().filter(t -> t.repositoryId() == repositoryId)
                .map(ImageTag::tag).filter(t -> after == null || t.compareTo(after) > 0).limit(limit).toList();
    }
}
