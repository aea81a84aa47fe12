package io.wharf.domain.repository;

import io.wharf.domain.error.WharfException;

/** What a caller may set on a repository: category, description and visibility. */
public record RepositoryDetails(Category category, String description, boolean isPublic) {
    public static final int MAX_DESCRIPTION = 1000;

    public RepositoryDetails {
        if (description == null) {
            description = "";
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw WharfException.tooLong("description",
                    "The description exceeds " + MAX_DESCRIPTION + " characters.");
        }
        if (category == null) {
            category = Category.OTHER;
        }
    }
}
