package io.wharf.domain.sync;

import java.time.Instant;
import java.util.List;

/** An image-sync task of an account over some of its registries. */
public record SyncTask(long id, String accountId, String createdBy, Instant createdAt, List<TaskRegistry> registries) {
}
