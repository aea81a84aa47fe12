-- Retention runs asked for through the API or the console work in the background; each is kept with its outcome so
-- the caller can follow it: the tags removed (the first 10,000, newline-separated) and how many, or why it failed.
CREATE TABLE retention_run (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    retention_id   BIGINT        NOT NULL,
    repository_id  BIGINT        NOT NULL,
    account_id     VARCHAR(32)   NOT NULL,
    dry_run        BOOLEAN       NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    removed        MEDIUMTEXT    NOT NULL,
    removed_count  INT           NOT NULL,
    message        VARCHAR(1024) NOT NULL,
    operator_name  VARCHAR(64)   NOT NULL,
    node           VARCHAR(64),
    started_at     DATETIME(6)   NOT NULL,
    finished_at    DATETIME(6),
    CONSTRAINT fk_retention_run_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE INDEX ix_retention_run_repository ON retention_run (repository_id, id);
CREATE INDEX ix_retention_run_status ON retention_run (status, account_id);
