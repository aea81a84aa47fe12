package io.wharf.domain.sync;

import java.util.Set;

/** Page 004's filters over a task's registries: name (contains), types (any of), status; a page of them. */
public record RegistryQuery(long taskId, String nameContains, Set<RegistryType> types, String syncStatus, int offset,
                            int limit) {
}
