-- Triggers (webhook target, HMAC key sealed) and their deliveries, queued so that a restart loses none.
CREATE TABLE image_trigger (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repository_id   BIGINT        NOT NULL,
    name            VARCHAR(64)   NOT NULL,
    action          VARCHAR(16)   NOT NULL,
    app_type        VARCHAR(32),
    application     VARCHAR(128),
    cluster_id      VARCHAR(128),
    cluster_name    VARCHAR(128),
    cluster_ns      VARCHAR(128),
    trigger_condition VARCHAR(256) NOT NULL,
    container       VARCHAR(128),
    enabled         BOOLEAN       NOT NULL,
    trigger_mode    VARCHAR(16)   NOT NULL,
    trigger_type    VARCHAR(16)   NOT NULL,
    webhook_url     VARCHAR(1024) NOT NULL,
    sealed_secret   VARCHAR(1024) NOT NULL,
    creator_name    VARCHAR(64)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_trigger_name UNIQUE (repository_id, name),
    CONSTRAINT fk_trigger_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE TABLE trigger_delivery (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    trigger_id      BIGINT        NOT NULL,
    tag             VARCHAR(128)  NOT NULL,
    digest          VARCHAR(160)  NOT NULL,
    pusher          VARCHAR(64)   NOT NULL,
    payload         TEXT          NOT NULL,
    result          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    response_code   INT           NOT NULL,
    duration_ms     BIGINT        NOT NULL,
    detail          VARCHAR(512)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    CONSTRAINT fk_delivery_trigger FOREIGN KEY (trigger_id) REFERENCES image_trigger (id) ON DELETE CASCADE
);
CREATE INDEX ix_delivery_trigger ON trigger_delivery (trigger_id, id);
CREATE INDEX ix_delivery_due ON trigger_delivery (result, next_attempt_at);
