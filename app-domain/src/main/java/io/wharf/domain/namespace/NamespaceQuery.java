package io.wharf.domain.namespace;

/**
 * Which of an account's organizations to list: all of them, or only those a given user created (for a user who is
 * not the account's administrator), optionally only names containing a text, one page at a time.
 */
public record NamespaceQuery(String accountId, String createdBy, String nameContains, int offset, int limit) {
}
