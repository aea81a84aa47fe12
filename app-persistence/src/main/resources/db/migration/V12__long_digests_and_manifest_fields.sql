-- sha512 digests ("sha512:" and 128 hex digits, 135 characters) are documented by the OCI specification: every
-- digest column holds them now (they were 100 characters). Annotations have no length limit in the specification and
-- an index may name many platforms, so both are text now; media and artifact types stay bounded (RFC 6838: 255).
ALTER TABLE image_tag MODIFY COLUMN digest VARCHAR(150) NOT NULL;
ALTER TABLE image_tag MODIFY COLUMN image_id VARCHAR(150) NOT NULL;
ALTER TABLE image_tag MODIFY COLUMN architectures MEDIUMTEXT NOT NULL;
ALTER TABLE repository_blob MODIFY COLUMN digest VARCHAR(150) NOT NULL;
ALTER TABLE image_manifest MODIFY COLUMN digest VARCHAR(150) NOT NULL;
ALTER TABLE image_manifest MODIFY COLUMN config_digest VARCHAR(150);
ALTER TABLE image_manifest MODIFY COLUMN subject_digest VARCHAR(150);
ALTER TABLE image_manifest MODIFY COLUMN architectures MEDIUMTEXT NOT NULL;
ALTER TABLE image_manifest MODIFY COLUMN annotations MEDIUMTEXT;
ALTER TABLE manifest_reference MODIFY COLUMN digest VARCHAR(150) NOT NULL;
ALTER TABLE synced_image MODIFY COLUMN digest VARCHAR(150) NOT NULL;
ALTER TABLE synced_image_association MODIFY COLUMN digest VARCHAR(150) NOT NULL;
