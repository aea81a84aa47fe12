package io.wharf.domain.sync;

/** Why walking a registry failed, in words a person understands; {@link #reason()} is the category. */
public class SyncFailure extends RuntimeException {

    /** The categories a sync task reports. */
    public enum Reason { WRONG_CREDENTIALS, UNREACHABLE, TIMED_OUT, BAD_ANSWER, REGISTRY_REMOVED, CANCELLED, REFUSED_BY_POLICY,
        /** The account may not write there: no grant at the region, or the tag is another account's. */
        NOT_GRANTED }

    private final Reason reason;

    public SyncFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
