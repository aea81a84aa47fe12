-- Image scanning. Advisories are imported from OSV feeds: one row each with its document, and one row per package it
-- affects for lookup by ecosystem and name. Each import is recorded (source, time, count, outcome).
CREATE TABLE feed_import (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source          VARCHAR(1024) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    advisory_count  INT           NOT NULL,
    message         VARCHAR(1024) NOT NULL,
    started_at      DATETIME(6)   NOT NULL,
    finished_at     DATETIME(6)
);
CREATE TABLE advisory (
    id              VARCHAR(128)  NOT NULL PRIMARY KEY,
    modified_at     DATETIME(6)   NOT NULL,
    document        MEDIUMTEXT    NOT NULL,
    feed_import_id  BIGINT        NOT NULL
);
CREATE TABLE advisory_package (
    ecosystem       VARCHAR(64)   NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    advisory_id     VARCHAR(128)  NOT NULL,
    PRIMARY KEY (ecosystem, name, advisory_id),
    CONSTRAINT fk_advisory_package FOREIGN KEY (advisory_id) REFERENCES advisory (id) ON DELETE CASCADE
);
-- One scan per image (repository and manifest digest), which is also the scan queue: waiting_for_scan, scanning, then
-- success or failed (with HSS's scan_failed_desc). Counts are kept with it so the image list reads them in one join.
CREATE TABLE image_scan (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repository_id       BIGINT        NOT NULL,
    digest              VARCHAR(150)  NOT NULL,
    status              VARCHAR(32)   NOT NULL,
    failed_desc         VARCHAR(64)   NOT NULL,
    scannable           BOOLEAN       NOT NULL,
    requested_at        DATETIME(6)   NOT NULL,
    scanned_at          DATETIME(6),
    os                  VARCHAR(255)  NOT NULL,
    vul_num             INT           NOT NULL,
    unsafe_setting_num  INT           NOT NULL,
    malicious_file_num  INT           NOT NULL,
    CONSTRAINT uk_image_scan UNIQUE (repository_id, digest),
    CONSTRAINT fk_image_scan_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE INDEX ix_image_scan_status ON image_scan (status, requested_at);
CREATE TABLE scan_component (
    scan_id         BIGINT        NOT NULL,
    ecosystem       VARCHAR(64)   NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    version         VARCHAR(255)  NOT NULL,
    source          VARCHAR(255)  NOT NULL,
    source_version  VARCHAR(255)  NOT NULL,
    purl            VARCHAR(1024) NOT NULL,
    location        VARCHAR(1024) NOT NULL,
    CONSTRAINT fk_scan_component FOREIGN KEY (scan_id) REFERENCES image_scan (id) ON DELETE CASCADE
);
CREATE INDEX ix_scan_component ON scan_component (scan_id);
CREATE TABLE scan_vulnerability (
    scan_id         BIGINT        NOT NULL,
    vul_id          VARCHAR(128)  NOT NULL,
    cve_id          VARCHAR(128)  NOT NULL,
    severity        VARCHAR(16)   NOT NULL,
    cvss_score      DOUBLE        NOT NULL,
    ecosystem       VARCHAR(64)   NOT NULL,
    package_name    VARCHAR(255)  NOT NULL,
    version         VARCHAR(255)  NOT NULL,
    fixed_version   VARCHAR(255)  NOT NULL,
    location        VARCHAR(1024) NOT NULL,
    summary         VARCHAR(1024) NOT NULL,
    url             VARCHAR(1024) NOT NULL,
    CONSTRAINT fk_scan_vulnerability FOREIGN KEY (scan_id) REFERENCES image_scan (id) ON DELETE CASCADE
);
CREATE INDEX ix_scan_vulnerability ON scan_vulnerability (scan_id);
CREATE TABLE scan_malicious_file (
    scan_id         BIGINT        NOT NULL,
    path            VARCHAR(1024) NOT NULL,
    layer           VARCHAR(150)  NOT NULL,
    sha256          VARCHAR(150)  NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    CONSTRAINT fk_scan_malicious_file FOREIGN KEY (scan_id) REFERENCES image_scan (id) ON DELETE CASCADE
);
CREATE TABLE scan_risk_check (
    scan_id         BIGINT        NOT NULL,
    check_name      VARCHAR(128)  NOT NULL,
    check_type      VARCHAR(64)   NOT NULL,
    standard        VARCHAR(64)   NOT NULL,
    rule_id         VARCHAR(32)   NOT NULL,
    rule_name       VARCHAR(255)  NOT NULL,
    severity        VARCHAR(16)   NOT NULL,
    passed          BOOLEAN       NOT NULL,
    evidence        VARCHAR(2048) NOT NULL,
    CONSTRAINT fk_scan_risk_check FOREIGN KEY (scan_id) REFERENCES image_scan (id) ON DELETE CASCADE
);
-- Files known to be malicious, by SHA-256, as the operator imports them.
CREATE TABLE malicious_hash (
    sha256          VARCHAR(150)  NOT NULL PRIMARY KEY,
    name            VARCHAR(255)  NOT NULL
);
