package io.wharf.domain.error;

/**
 * A broken rule, by meaning ({@link Failure}), about a {@link Subject} or a named field, with a message a person can
 * act on. The factories read as the sentence the use case means: {@code notFound(REPOSITORY, ...)}.
 */
public class WharfException extends RuntimeException {
    private final Failure failure;
    private final Subject subject;
    private final String field;

    public WharfException(Failure failure, Subject subject, String field, String message) {
        super(message);
        this.failure = failure;
        this.subject = subject;
        this.field = field;
    }

    public static WharfException invalid(String field, String message) {
        return new WharfException(Failure.INVALID, null, field, message);
    }

    public static WharfException tooLong(String field, String message) {
        return new WharfException(Failure.TOO_LONG, null, field, message);
    }

    public static WharfException unknownReference(Subject subject, String field, String message) {
        return new WharfException(Failure.UNKNOWN_REFERENCE, subject, field, message);
    }

    public static WharfException notFound(Subject subject, String message) {
        return new WharfException(Failure.NOT_FOUND, subject, null, message);
    }

    public static WharfException exists(Subject subject, String message) {
        return new WharfException(Failure.EXISTS, subject, null, message);
    }

    public static WharfException notEmpty(Subject subject, String message) {
        return new WharfException(Failure.NOT_EMPTY, subject, null, message);
    }

    public static WharfException busy(Subject subject, String message) {
        return new WharfException(Failure.BUSY, subject, null, message);
    }

    public static WharfException limitReached(Subject subject, String message) {
        return new WharfException(Failure.LIMIT_REACHED, subject, null, message);
    }

    public static WharfException anonymous() {
        return new WharfException(Failure.ANONYMOUS, null, null,
                "No user token or AK/SK signature was found; authenticate first.");
    }

    public static WharfException unauthenticated(String message) {
        return new WharfException(Failure.UNAUTHENTICATED, null, null, message);
    }

    public static WharfException forbidden(String message) {
        return new WharfException(Failure.FORBIDDEN, null, null, message);
    }

    public static WharfException throttled(String message) {
        return new WharfException(Failure.THROTTLED, null, null, message);
    }

    public static WharfException unavailable(String message) {
        return new WharfException(Failure.UNAVAILABLE, null, null, message);
    }

    public Failure failure() {
        return failure;
    }

    /** What the failure is about, or null when a field says it. */
    public Subject subject() {
        return subject;
    }

    /** The request field that broke the rule, in the API's own spelling, or null. */
    public String field() {
        return field;
    }
}
