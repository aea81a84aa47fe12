-- Real image content arrives with the registry API. Blobs live on the filesystem, addressed by digest; the database
-- says which repository may serve which blob, which manifests a repository holds, and what each manifest references
-- (for the "referenced blobs must exist" rule, the referrers API and garbage collection).
CREATE TABLE repository_blob (
    repository_id  BIGINT       NOT NULL,
    digest         VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    linked_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (repository_id, digest),
    CONSTRAINT fk_blob_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE INDEX ix_repository_blob_digest ON repository_blob (digest);

CREATE TABLE image_manifest (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    repository_id  BIGINT        NOT NULL,
    digest         VARCHAR(100)  NOT NULL,
    media_type     VARCHAR(255)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    image_size     BIGINT        NOT NULL,
    config_digest  VARCHAR(100),
    architectures  VARCHAR(255)  NOT NULL,
    subject_digest VARCHAR(100),
    artifact_type  VARCHAR(255),
    annotations    VARCHAR(4000),
    pushed_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uk_manifest UNIQUE (repository_id, digest),
    CONSTRAINT fk_manifest_repository FOREIGN KEY (repository_id) REFERENCES image_repository (id) ON DELETE CASCADE
);
CREATE INDEX ix_manifest_subject ON image_manifest (repository_id, subject_digest);
CREATE INDEX ix_manifest_digest ON image_manifest (digest);

-- What a manifest points at: its config and layers (B) or, for an index, its child manifests (M).
CREATE TABLE manifest_reference (
    manifest_id BIGINT       NOT NULL,
    digest      VARCHAR(100) NOT NULL,
    kind        CHAR(1)      NOT NULL,
    PRIMARY KEY (manifest_id, digest),
    CONSTRAINT fk_reference_manifest FOREIGN KEY (manifest_id) REFERENCES image_manifest (id) ON DELETE CASCADE
);
CREATE INDEX ix_manifest_reference_digest ON manifest_reference (digest);

-- Tags now carry the image's architectures and who pushed it; the pull count is counted per manifest pull.
ALTER TABLE image_tag ADD COLUMN architectures VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE image_tag ADD COLUMN media_type VARCHAR(255) NOT NULL DEFAULT '';
