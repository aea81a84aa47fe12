package io.wharf.domain.repository;

/**
 * Which repositories to list: those of one account's organizations (only those visible to one user, for a user who
 * is not the account's administrator: through the organization, or a grant on the repository), optionally of one
 * organization, narrowed by organization and name texts, category
 * and visibility, in an order, one page at a time.
 */
public record RepositoryQuery(String accountId, String visibleTo, Long namespaceId, String namespaceContains, String nameContains,
                              Category category, Boolean isPublic, Order order, boolean descending, int offset,
                              int limit) {

    /** The columns a list may be ordered by, with their API names. */
    public enum Order {
        NAME("name"), UPDATED_TIME("updated_time"), TAG_COUNT("tag_count"), NAMESPACE("namespace"),
        IS_PUBLIC("is_public");

        private final String apiName;

        Order(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }
}
