package io.wharf.persistence.jpa;

import io.wharf.domain.repository.RepositoryQuery;
import jakarta.persistence.TypedQuery;

/**
 * The parts every repository list shares (its own and the shared ones), with the repository aliased {@code r}: the
 * order clauses of the API's columns, and the organization and name "contains" filters.
 */
final class RepositoryOrder {
    private RepositoryOrder() {
    }

    /** An order clause ending with the id, so that pages never overlap. */
    static String of(RepositoryQuery.Order order, boolean descending) {
        String direction = descending ? " desc" : " asc";
        String column = switch (order) {
            case NAME -> "r.name" + direction;
            case UPDATED_TIME -> "r.updatedAt" + direction;
            case TAG_COUNT -> "r.numImages" + direction;
            case NAMESPACE -> "r.namespaceName" + direction + ", r.name" + direction;
            case IS_PUBLIC -> "r.isPublic" + direction;
        };
        return " order by " + column + ", r.id" + direction;
    }

    static void appendTextFilters(StringBuilder jpql, String namespaceContains, String nameContains) {
        if (namespaceContains != null) {
            jpql.append(" and r.namespaceName like :ns escape '!'");
        }
        if (nameContains != null) {
            jpql.append(" and r.name like :name escape '!'");
        }
    }

    static void bindTextFilters(TypedQuery<?> typed, String namespaceContains, String nameContains) {
        if (namespaceContains != null) {
            typed.setParameter("ns", Likes.containing(namespaceContains));
        }
        if (nameContains != null) {
            typed.setParameter("name", Likes.containing(nameContains));
        }
    }
}
