-- Accounts, their users and tokens, organizations, and the image repositories that keep an organization in use.
-- Written for both MariaDB and H2 (MODE=MariaDB).
CREATE TABLE account (
    id          VARCHAR(32) NOT NULL PRIMARY KEY,
    name        VARCHAR(64) NOT NULL,
    project_id  VARCHAR(32) NOT NULL,
    is_system   BOOLEAN     NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT uk_account_name UNIQUE (name),
    CONSTRAINT uk_account_project UNIQUE (project_id)
);

CREATE TABLE account_user (
    id             VARCHAR(32)  NOT NULL PRIMARY KEY,
    account_id     VARCHAR(32)  NOT NULL,
    name           VARCHAR(32)  NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    is_admin       BOOLEAN      NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uk_user_account_name UNIQUE (account_id, name),
    CONSTRAINT fk_user_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE auth_token (
    digest      CHAR(64)    NOT NULL PRIMARY KEY,
    user_id     VARCHAR(32) NOT NULL,
    issued_at   DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_token_user FOREIGN KEY (user_id) REFERENCES account_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_token_expires ON auth_token (expires_at);

CREATE TABLE swr_namespace (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64) NOT NULL,
    account_id    VARCHAR(32) NOT NULL,
    creator_id    VARCHAR(32) NOT NULL,
    creator_name  VARCHAR(32) NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    CONSTRAINT uk_namespace_name UNIQUE (name),
    CONSTRAINT fk_namespace_account FOREIGN KEY (account_id) REFERENCES account (id)
);
-- Lists are per account in name order: this index serves them without scanning the table.
CREATE INDEX ix_namespace_account_name ON swr_namespace (account_id, name);
CREATE INDEX ix_namespace_account_creator ON swr_namespace (account_id, creator_id, name);

CREATE TABLE image_repository (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    namespace_id  BIGINT       NOT NULL,
    name          VARCHAR(128) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uk_repository_name UNIQUE (namespace_id, name),
    CONSTRAINT fk_repository_namespace FOREIGN KEY (namespace_id) REFERENCES swr_namespace (id)
);
