package io.wharf.domain.audit;

import java.time.Instant;

/**
 * Which traces to read: one account's, within [{@code from}, {@code to}), optionally only one user's
 * ({@code onlyUserId}: a caller who is not the account's administrator sees only their own), and narrowed by user name,
 * service, resource type, resource name (contained), action and rating; newest first, after {@code before} (the id
 * of the last trace of the previous page, 0 for the first page), at most {@code limit}.
 */
public record AuditQuery(String accountId, String onlyUserId, Instant from, Instant to, String userName,
                         String serviceType, String resourceType, String resourceName, String traceName, String rating,
                         long before, int limit) {
}
