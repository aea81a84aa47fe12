-- Replication between sites: the regions Wharf's operator declares, repositories' syncs to them, and the jobs that
-- copy each tag.
CREATE TABLE sync_region (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    url             VARCHAR(255)  NOT NULL,
    username        VARCHAR(128),
    sealed_password VARCHAR(1024),
    created_at      DATETIME(6)   NOT NULL
);
CREATE TABLE sync_repo (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repository_id    BIGINT       NOT NULL,
    region_id        VARCHAR(64)  NOT NULL,
    remote_namespace VARCHAR(64)  NOT NULL,
    sync_auto        BOOLEAN      NOT NULL,
    override_tags    BOOLEAN      NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uq_sync_repo UNIQUE (repository_id, region_id, remote_namespace),
    CONSTRAINT fk_sync_repo_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE,
    CONSTRAINT fk_sync_repo_region FOREIGN KEY (region_id) REFERENCES sync_region (id) ON DELETE CASCADE
);
CREATE TABLE sync_job (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repository_id    BIGINT        NOT NULL,
    region_id        VARCHAR(64)   NOT NULL,
    remote_namespace VARCHAR(64)   NOT NULL,
    tag              VARCHAR(128)  NOT NULL,
    override_tag     BOOLEAN       NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    reason           VARCHAR(1024) NOT NULL,
    attempts         INT           NOT NULL,
    operator_id      VARCHAR(32)   NOT NULL,
    operator_name    VARCHAR(64)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_sync_job_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE INDEX ix_sync_job_repository ON sync_job (repository_id, id);
CREATE INDEX ix_sync_job_due ON sync_job (status, next_attempt_at);
