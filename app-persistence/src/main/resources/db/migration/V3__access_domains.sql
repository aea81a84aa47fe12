-- Shares of image repositories with other accounts. A NULL deadline means "forever".
CREATE TABLE access_domain (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repository_id      BIGINT        NOT NULL,
    account_id         VARCHAR(32)   NOT NULL,
    account_name       VARCHAR(64)   NOT NULL,
    permit             VARCHAR(16)   NOT NULL,
    deadline           DATETIME(6)   NULL,
    description        VARCHAR(1000) NOT NULL,
    creator_id         VARCHAR(32)   NOT NULL,
    creator_name       VARCHAR(32)   NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    CONSTRAINT uk_access_domain UNIQUE (repository_id, account_id),
    CONSTRAINT fk_access_domain_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
-- "Shared with me" starts from the receiving account.
CREATE INDEX ix_access_domain_account ON access_domain (account_id, repository_id);
