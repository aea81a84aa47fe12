package io.wharf.domain.error;

/**
 * What went wrong, by meaning. The domain and the use cases say only this; each protocol (the SWR and HSS JSON API,
 * the OCI registry, the console) turns it into its own code and status at its edge.
 */
public enum Failure {
    /** A value breaks a rule; {@link WharfException#field()} names it. */
    INVALID,
    /** A value is longer or larger than allowed; the field is named. */
    TOO_LONG,
    /** A value names something that does not exist (a user, a blob, a registry): the request is wrong, not the URL. */
    UNKNOWN_REFERENCE,
    /** The thing the request is about does not exist, or the caller may not know that it does. */
    NOT_FOUND,
    /** The thing to create exists already. */
    EXISTS,
    /** The thing to delete still holds others. */
    NOT_EMPTY,
    /** The same work is running already; try again when it has ended. */
    BUSY,
    /** A per-user or per-account limit is reached. */
    LIMIT_REACHED,
    /** The caller gave no credentials. */
    ANONYMOUS,
    /** The caller's credentials are wrong, unknown or expired. */
    UNAUTHENTICATED,
    /** The caller is known but lacks the right. */
    FORBIDDEN,
    /** Too many attempts; wait before the next. */
    THROTTLED,
    /** Something Wharf needs (its database) does not answer now; the same request later will do. */
    UNAVAILABLE
}
