package io.wharf.domain.error;

/** What a failure is about, in the SWR vocabulary; the edges use it to pick the precise code. */
public enum Subject {
    ACCOUNT, USER, TOKEN, ACCESS_KEY,
    ORGANIZATION, REPOSITORY, IMAGE, MANIFEST, BLOB, UPLOAD,
    SHARE, GRANT,
    SYNC_REGISTRY, SYNC_TASK, GARBAGE_COLLECTION, FEED_IMPORT, BACKUP, RETENTION, TRIGGER, SYNC_REPO, SYNC_JOB, QUOTA,
    ALLOWED_VULNERABILITY,
    /** An address no endpoint or page answers. */
    PAGE
}
