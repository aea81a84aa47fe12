package io.wharf.domain.sync;

/** One registry of a sync task and how far it got: {@code running}, then {@code finished} or {@code failed} (with why). */
public record TaskRegistry(long taskId, long registryId, String registryName, RegistryType registryType, String syncStatus,
                           String failedReason, int totalNum) {
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
}
