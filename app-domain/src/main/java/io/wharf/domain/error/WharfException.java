package io.wharf.domain.error;

/** A broken rule, named by its catalogue entry, with a message a person can act on. */
public class WharfException extends RuntimeException {
    private final SwrError error;

    public WharfException(SwrError error, String message) {
        super(message == null || message.isBlank() ? error.defaultMessage() : message);
        this.error = error;
    }

    public WharfException(SwrError error) {
        this(error, null);
    }

    public SwrError error() {
        return error;
    }
}
