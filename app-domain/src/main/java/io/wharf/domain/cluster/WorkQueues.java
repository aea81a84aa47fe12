package io.wharf.domain.cluster;

/** How much queued work waits in the shared database, whichever node will do it: what operators watch grow. */
public interface WorkQueues {
    /** Image scans waiting for a scanner. */
    long scansWaiting();

    /** Image sync jobs waiting (for their time, or for a free slot). */
    long syncJobsWaiting();

    /** Webhook deliveries not yet made or to be tried again. */
    long webhooksPending();
}
