package io.wharf.web.registry;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;

/**
 * The error codes of the OCI distribution specification, each with its HTTP status. The registry API answers in the
 * specification's {@code {"errors":[{code,message,detail}]}} form, so it has its own catalogue beside {@code SwrError};
 * {@link #of} reads the domain's failures in it.
 */
public enum RegistryError {
    BLOB_UNKNOWN(404),
    BLOB_UPLOAD_INVALID(400),
    BLOB_UPLOAD_UNKNOWN(404),
    /** A chunk that does not start where the upload ends: the specification's 416. */
    RANGE_INVALID(416),
    DIGEST_INVALID(400),
    MANIFEST_BLOB_UNKNOWN(400),
    MANIFEST_INVALID(400),
    MANIFEST_UNKNOWN(404),
    NAME_INVALID(400),
    NAME_UNKNOWN(404),
    SIZE_INVALID(400),
    /** A manifest larger than the registry accepts (4 MiB). */
    MANIFEST_TOO_LARGE(413),
    UNAUTHORIZED(401),
    DENIED(403),
    UNSUPPORTED(405),
    TOOMANYREQUESTS(429),
    /** Distribution's code for a registry whose storage or database does not answer now. */
    UNAVAILABLE(503),
    UNKNOWN(500);

    private final int httpStatus;

    RegistryError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** A domain failure in the registry's vocabulary: the OCI edge's one mapping from meaning to code. */
    public static RegistryError of(WharfException e) {
        return switch (e.failure()) {
            case INVALID -> switch (e.field() == null ? "" : e.field()) {
                case "digest", "reference" -> DIGEST_INVALID;
                default -> NAME_INVALID;
            };
            case TOO_LONG -> SIZE_INVALID;
            case UNKNOWN_REFERENCE -> e.subject() == Subject.MANIFEST ? MANIFEST_UNKNOWN : MANIFEST_BLOB_UNKNOWN;
            case NOT_FOUND -> switch (e.subject()) {
                case IMAGE, MANIFEST -> MANIFEST_UNKNOWN;
                case BLOB -> BLOB_UNKNOWN;
                case UPLOAD -> BLOB_UPLOAD_UNKNOWN;
                default -> NAME_UNKNOWN;
            };
            case ANONYMOUS, UNAUTHENTICATED -> UNAUTHORIZED;
            case THROTTLED -> TOOMANYREQUESTS;
            case UNAVAILABLE -> UNAVAILABLE;
            case FORBIDDEN, EXISTS, NOT_EMPTY, BUSY, LIMIT_REACHED -> DENIED;
        };
    }

    /** The code written on the wire. */
    public String code() {
        return switch (this) {
            case RANGE_INVALID -> "BLOB_UPLOAD_INVALID";
            case MANIFEST_TOO_LARGE -> "SIZE_INVALID";
            default -> name();
        };
    }
}
