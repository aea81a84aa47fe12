package io.wharf.domain.repository;

/** Which tags of a repository to list: optionally names containing a text, ordered by tag or update time, paged. */
public record TagQuery(long repositoryId, String tagContains, boolean byUpdateTime, boolean descending, int offset,
                       int limit) {
}
