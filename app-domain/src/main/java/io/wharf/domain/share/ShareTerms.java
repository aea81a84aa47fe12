package io.wharf.domain.share;

import io.wharf.domain.error.SwrError;
import io.wharf.domain.error.WharfException;

/** What a share grants and until when, as a caller sets it: only {@code read} is a permit. */
public record ShareTerms(String permit, Deadline deadline, String description) {
    public static final int MAX_DESCRIPTION = 1000;

    public ShareTerms {
        if (!AccessDomain.READ.equals(permit)) {
            throw new WharfException(SwrError.INVALID_PARAMETER, "permit must be \"read\", the only permission shares give.");
        }
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION) {
            throw new WharfException(SwrError.DESCRIPTION_TOO_LONG, "The description exceeds " + MAX_DESCRIPTION + " characters.");
        }
    }
}
