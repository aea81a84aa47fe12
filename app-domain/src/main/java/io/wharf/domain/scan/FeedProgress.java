package io.wharf.domain.scan;

/** Told how far long work on a feed has got: {@code done} of {@code total} items. */
@FunctionalInterface
public interface FeedProgress {
    FeedProgress NONE = (done, total) -> { };

    void advanced(long done, long total);
}
