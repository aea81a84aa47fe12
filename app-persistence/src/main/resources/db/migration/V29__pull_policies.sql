-- Scans keep their vulnerabilities counted by severity (and how many a known version fixes), so lists show the summary
-- and the pull policy decides without reading every finding; counted once here for the scans already stored.
ALTER TABLE image_scan ADD COLUMN critical_num INT NOT NULL DEFAULT 0;
ALTER TABLE image_scan ADD COLUMN high_num INT NOT NULL DEFAULT 0;
ALTER TABLE image_scan ADD COLUMN medium_num INT NOT NULL DEFAULT 0;
ALTER TABLE image_scan ADD COLUMN low_num INT NOT NULL DEFAULT 0;
ALTER TABLE image_scan ADD COLUMN unknown_num INT NOT NULL DEFAULT 0;
ALTER TABLE image_scan ADD COLUMN fixable_num INT NOT NULL DEFAULT 0;
UPDATE image_scan SET
    critical_num = (SELECT COUNT(*) FROM scan_vulnerability v WHERE v.scan_id = image_scan.id AND v.severity = 'critical'),
    high_num = (SELECT COUNT(*) FROM scan_vulnerability v WHERE v.scan_id = image_scan.id AND v.severity = 'high'),
    medium_num = (SELECT COUNT(*) FROM scan_vulnerability v WHERE v.scan_id = image_scan.id AND v.severity = 'medium'),
    low_num = (SELECT COUNT(*) FROM scan_vulnerability v WHERE v.scan_id = image_scan.id AND v.severity = 'low'),
    unknown_num = (SELECT COUNT(*) FROM scan_vulnerability v WHERE v.scan_id = image_scan.id
                   AND v.severity NOT IN ('critical', 'high', 'medium', 'low')),
    fixable_num = (SELECT COUNT(*) FROM scan_vulnerability v WHERE v.scan_id = image_scan.id AND v.fixed_version <> '');
-- A pull policy per organization (none: the administrators' default, namespace_id 0, applies); refuse_severity is
-- critical, high, medium, low or '' for no limit; break_glass_users the user names (comma-separated, at most 20)
-- served what the policy refuses.
CREATE TABLE pull_policy (
    namespace_id      BIGINT        NOT NULL PRIMARY KEY,
    refuse_unscanned  BOOLEAN       NOT NULL,
    refuse_severity   VARCHAR(16)   NOT NULL,
    refuse_malicious  BOOLEAN       NOT NULL,
    break_glass_users VARCHAR(1024) NOT NULL
);
-- Vulnerabilities an organization accepts (CVE or advisory ids), with why, until when, who and when.
CREATE TABLE vulnerability_allowlist (
    namespace_id     BIGINT       NOT NULL,
    vul_id           VARCHAR(128) NOT NULL,
    reason           VARCHAR(255) NOT NULL,
    expires_at       DATETIME(6),
    allowed_by       VARCHAR(255) NOT NULL,
    allowed_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (namespace_id, vul_id),
    CONSTRAINT fk_allowlist_namespace FOREIGN KEY (namespace_id) REFERENCES swr_namespace (id) ON DELETE CASCADE
);
-- An operator's offline index of Maven artifacts by SHA-1 (as Maven Central serves them), naming jars that carry no
-- pom.properties exactly: group:artifact:version.
CREATE TABLE maven_artifact_hash (
    sha1             CHAR(40)     NOT NULL PRIMARY KEY,
    coordinates      VARCHAR(512) NOT NULL
);
