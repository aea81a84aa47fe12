-- Image-sync tasks: each walks some of an account's registries; each registry of a task ends finished or failed
-- with a reason. What a remote registry holds lands in synced_image, one row per repository and tag.
CREATE TABLE sync_task (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL,
    created_by  VARCHAR(32) NOT NULL,
    created_at  DATETIME(6) NOT NULL
);
CREATE INDEX ix_sync_task_account ON sync_task (account_id, created_at);

CREATE TABLE sync_task_registry (
    task_id        BIGINT        NOT NULL,
    registry_id    BIGINT        NOT NULL,
    registry_name  VARCHAR(64)   NOT NULL,
    registry_type  VARCHAR(20)   NOT NULL,
    sync_status    VARCHAR(20)   NOT NULL,
    failed_reason  VARCHAR(1000) NOT NULL,
    total_num      INT           NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (task_id, registry_id),
    CONSTRAINT fk_task_registry_task FOREIGN KEY (task_id) REFERENCES sync_task (id) ON DELETE CASCADE
);
CREATE INDEX ix_task_registry_status ON sync_task_registry (sync_status);

CREATE TABLE synced_image (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id     VARCHAR(32)   NOT NULL,
    registry_id    BIGINT        NOT NULL,
    registry_type  VARCHAR(20)   NOT NULL,
    repository     VARCHAR(255)  NOT NULL,
    tag            VARCHAR(128)  NOT NULL,
    digest         VARCHAR(100)  NOT NULL,
    media_type     VARCHAR(255)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    synced_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uk_synced_image UNIQUE (registry_id, repository, tag)
);
CREATE INDEX ix_synced_image_account ON synced_image (account_id, registry_type, synced_at);
