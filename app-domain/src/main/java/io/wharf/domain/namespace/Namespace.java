package io.wharf.domain.namespace;

import java.time.Instant;

/**
 * An organization. Its name is global because it is the first segment of every image path; it belongs to exactly one
 * account, and remembers the user who created it ({@code creator_name} in the API).
 */
public record Namespace(long id, NamespaceName name, String accountId, String creatorId, String creatorName,
                        Instant createdAt) {
}
