package io.wharf.domain.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tags of image repositories. Adding and removing a tag keeps the repository's size, image count and update time
 * in step, in the same transaction.
 */
public interface ImageTags {

    /** Points a tag at an image, creating the tag or moving it. */
    ImageTag put(ImageRepository repository, String tag, TaggedImage image);

    /** Every tag of the repository that names the manifest {@code digest}. */
    List<ImageTag> byDigest(long repositoryId, String digest);

    Optional<ImageTag> byTag(long repositoryId, String tag);

    List<ImageTag> list(TagQuery query);

    long count(TagQuery query);

    /** The tag names of many repositories at once, for list answers, in one query. */
    Map<Long, List<String>> namesOf(Collection<Long> repositoryIds);

    /** Counts a pull of the tag named, or of every tag naming the digest named. */
    void countPull(long repositoryId, String reference, java.time.Instant at);

    /** The pull counts of these tags of a repository; a tag never pulled is left out. */
    Map<String, TagPulls> pulls(long repositoryId, Collection<String> tags);

    /** Tags of these repositories whose image digest starts with {@code digestPrefix} ("sha256:ab12..."), at most limit. */
    List<ImageTag> withDigestPrefix(Collection<Long> repositoryIds, String digestPrefix, int limit);

    void remove(ImageRepository repository, ImageTag tag);

    /** Tag names of a repository in lexical order, after {@code after} (or from the first), at most {@code limit}. */
    List<String> namesAfter(long repositoryId, String after, int limit);
}
