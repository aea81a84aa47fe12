package io.wharf.domain.registry;

/**
 * The error codes of the OCI distribution specification, each with its HTTP status. The registry API answers in the
 * specification's {@code {"errors":[{code,message,detail}]}} form, so it has its own catalogue beside {@code SwrError};
 * the registry's one error writer maps {@code SwrError}s of shared use cases onto these.
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
    UNKNOWN(500);

    private final int httpStatus;

    RegistryError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
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
