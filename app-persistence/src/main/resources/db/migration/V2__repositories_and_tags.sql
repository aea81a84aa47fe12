-- Image repositories get their full description, and tags arrive. V1's placeholder table held nothing that any
-- release could create, so it is replaced rather than altered.
DROP TABLE image_repository;

CREATE TABLE image_repository (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    namespace_id    BIGINT        NOT NULL,
    namespace_name  VARCHAR(64)   NOT NULL,
    account_id      VARCHAR(32)   NOT NULL,
    name            VARCHAR(128)  NOT NULL,
    category        VARCHAR(20)   NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    is_public       BOOLEAN       NOT NULL,
    creator_id      VARCHAR(32)   NOT NULL,
    creator_name    VARCHAR(32)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    num_images      BIGINT        NOT NULL,
    num_download    BIGINT        NOT NULL,
    CONSTRAINT uk_repository_name UNIQUE (namespace_id, name),
    CONSTRAINT fk_repository_namespace FOREIGN KEY (namespace_id) REFERENCES swr_namespace (id)
);
-- Account-wide lists, in each order the API offers, without scanning the table.
CREATE INDEX ix_repository_account_name ON image_repository (account_id, name);
CREATE INDEX ix_repository_account_updated ON image_repository (account_id, updated_at);
CREATE INDEX ix_repository_account_namespace ON image_repository (account_id, namespace_name, name);
-- A repository is addressed by its path: organization name, then repository name.
CREATE INDEX ix_repository_path ON image_repository (namespace_name, name);

CREATE TABLE image_tag (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repository_id  BIGINT       NOT NULL,
    tag            VARCHAR(128) NOT NULL,
    digest         VARCHAR(100) NOT NULL,
    image_id       VARCHAR(100) NOT NULL,
    manifest       MEDIUMTEXT   NOT NULL,
    schema_version INT          NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    tag_type       INT          NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uk_tag UNIQUE (repository_id, tag),
    CONSTRAINT fk_tag_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE INDEX ix_tag_repository_updated ON image_tag (repository_id, updated_at);
