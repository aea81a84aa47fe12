package io.wharf.domain.share;

import io.wharf.domain.error.WharfException;

/** What a share grants and until when, as a caller sets it: only {@code read} is a permit. */
public record ShareTerms(String permit, Deadline deadline, String description) {
    public static final int MAX_DESCRIPTION = 1000;

    public ShareTerms {
        if (!AccessDomain.READ.equals(permit)) {
            throw WharfException.invalid("permit", "permit must be \"read\", the only permission shares give.");
        }
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION) {
            throw WharfException.tooLong("description", "The description exceeds " + MAX_DESCRIPTION + " characters.");
        }
    }
}
