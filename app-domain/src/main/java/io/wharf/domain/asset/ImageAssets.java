package io.wharf.domain.asset;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The image assets Wharf's own registry holds, listed as HSS lists them. */
public interface ImageAssets {

    List<ImageAsset> list(AssetQuery query);

    long count(AssetQuery query);

    /**
     * The images each multi-architecture asset of a listed page names, by asset id (assets of one {@code type}); assets
     * that are not multi-architecture are absent.
     */
    Map<Long, List<AssociatedImage>> associations(ImageType type, List<ImageAsset> listed);

    /** The newest tag's update time per repository, to mark each repository's latest version. */
    Map<Long, java.time.Instant> latestUpdates(Collection<Long> repositoryIds);
}
