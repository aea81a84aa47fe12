-- Image retention policies (their rules as the API's JSON) and the record of every tag they removed.
CREATE TABLE retention_policy (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repository_id   BIGINT        NOT NULL,
    algorithm       VARCHAR(16)   NOT NULL,
    rules           MEDIUMTEXT    NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_retention_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE INDEX ix_retention_repository ON retention_policy (repository_id);
CREATE TABLE retention_record (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    retention_id    BIGINT        NOT NULL,
    repository_id   BIGINT        NOT NULL,
    namespace       VARCHAR(64)   NOT NULL,
    repo            VARCHAR(255)  NOT NULL,
    tag             VARCHAR(128)  NOT NULL,
    rule_type       VARCHAR(4096) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_retention_record_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE INDEX ix_retention_record_repository ON retention_record (repository_id, id);
