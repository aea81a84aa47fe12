package io.wharf.domain.namespace;

/**
 * Which of an account's organizations to list: all of them, or only those visible to a given user who is not the
 * account's administrator (created by them or granted to them; with {@code throughRepositories}, also those where
 * they were granted a repository), optionally only names containing a text, in an order, one page at a time.
 */
public record NamespaceQuery(String accountId, String visibleTo, boolean throughRepositories, String nameContains,
                             Order order, boolean descending, int offset, int limit) {
    /** What a list may be ordered by. */
    public enum Order { NAME, CREATED }

    /** By name, A to Z. */
    public NamespaceQuery(String accountId, String visibleTo, boolean throughRepositories, String nameContains,
                          int offset, int limit) {
        this(accountId, visibleTo, throughRepositories, nameContains, Order.NAME, false, offset, limit);
    }
}
