-- The registries an account syncs image assets from: this Wharf (SwrPrivate, SwrShared) or a remote OCI registry
-- (Harbor, Jfrog, Other) by URL and credentials. The password is stored sealed with WHARF_SECRET_KEY, never in clear.
CREATE TABLE sync_registry (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      VARCHAR(32)   NOT NULL,
    name            VARCHAR(64)   NOT NULL,
    registry_type   VARCHAR(20)   NOT NULL,
    url             VARCHAR(255)  NOT NULL,
    username        VARCHAR(128)  NOT NULL,
    sealed_password VARCHAR(1024) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uk_sync_registry UNIQUE (account_id, name)
);
