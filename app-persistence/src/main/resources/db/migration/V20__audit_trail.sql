-- The audit trail: one row per state-changing call, push, pull and delete; kept after the account goes (no foreign key).
CREATE TABLE audit_trace (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    trace_id        VARCHAR(36)   NOT NULL,
    record_time     DATETIME(6)   NOT NULL,
    service_type    VARCHAR(16)   NOT NULL,
    trace_name      VARCHAR(64)   NOT NULL,
    trace_rating    VARCHAR(16)   NOT NULL,
    resource_type   VARCHAR(64)   NOT NULL,
    resource_name   VARCHAR(512)  NOT NULL,
    account_id      VARCHAR(32)   NOT NULL,
    account_name    VARCHAR(64)   NOT NULL,
    user_id         VARCHAR(32)   NOT NULL,
    user_name       VARCHAR(64)   NOT NULL,
    access_key      VARCHAR(64)   NOT NULL,
    http_method     VARCHAR(8)    NOT NULL,
    request_path    VARCHAR(1024) NOT NULL,
    code            INT           NOT NULL,
    source_ip       VARCHAR(64)   NOT NULL,
    request_id      VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_audit_account ON audit_trace (account_id, id);
CREATE INDEX ix_audit_time ON audit_trace (record_time);
