package io.wharf.domain.share;

import io.wharf.domain.repository.RepositoryQuery;

import java.time.Instant;

/**
 * Which shared repositories to list, for one account: those it shares ({@code byMe}) or those shared with it, narrowed
 * by organization, name, owner account and validity at {@code now}, ordered, paged.
 */
public record SharedQuery(String accountId, boolean byMe, String namespaceContains, String nameContains,
                          String ownerAccountName, Boolean valid, Instant now, RepositoryQuery.Order order,
                          boolean descending, int offset, int limit) {
}
