package io.wharf.domain.asset;

import java.time.Instant;

/**
 * What to list: the images of one type for an account ({@code visibleTo}: a user who needs grants, or null for the
 * administrator), narrowed by organization (exact), repository name (contains), tag (exact), the newest tag of each
 * repository only, a minimum size and an update-time window; a page of it.
 */
public record AssetQuery(String accountId, String visibleTo, ImageType type, String namespace, String nameContains,
                         String version, boolean latestOnly, Long minimumSize, Instant updatedFrom, Instant updatedTo,
                         Instant now, int offset, int limit, ScanCriteria scan) {
}
