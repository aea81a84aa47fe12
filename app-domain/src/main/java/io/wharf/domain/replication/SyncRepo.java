package io.wharf.domain.replication;

import java.time.Instant;

/** A repository's sync to a region's namespace: automatic after each push or not, and whether a tag is replaced. */
public record SyncRepo(long id, long repositoryId, String namespace, String repository, String accountId,
                       String accountName, String regionId, String remoteNamespace, boolean syncAuto, boolean override,
                       Instant createdAt, Instant updatedAt) {
}
