package io.wharf.domain.scan;

import java.time.Instant;

/**
 * One import of a vulnerability feed: where from, when, how many advisories, how it ended, and how far it has got.
 * An import is {@code running} until its advisories are stored ({@code imported}, all at once) or it changed nothing
 * ({@code refused}, with why); an imported feed then re-matches the stored images (phase {@code matching}) until
 * {@code done}.
 */
public record FeedImport(long id, String source, String status, int advisoryCount, String message, Instant startedAt,
                         Instant finishedAt, Progress progress) {
    public static final String RUNNING = "running";
    public static final String IMPORTED = "imported";
    public static final String REFUSED = "refused";

    /** A phase and, within it, how many of how many items (advisories read, images matched) are through. */
    public record Progress(String phase, long done, long total) {
        public static final String WAITING = "waiting";
        public static final String READING = "reading";
        public static final String STORING = "storing";
        public static final String MATCHING = "matching";
        public static final String DONE = "done";

        public static Progress of(String phase) {
            return new Progress(phase, 0, 0);
        }

        /** Whole percent through the phase; 0 while the total is not known yet. */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    /** Whether work on it goes on: reading and storing, or re-matching images after an import. */
    public boolean active() {
        return status.equals(RUNNING) || (status.equals(IMPORTED) && !progress.phase().equals(Progress.DONE));
    }
}
