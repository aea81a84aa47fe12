-- A synced multi-architecture image lists the images of its index (HSS's association_images). A synced image keeps
-- synced_at as the time its digest last changed; seen_at is the last walk that found it, so a finished walk can drop
-- what the remote registry no longer holds.
ALTER TABLE synced_image ADD COLUMN seen_at DATETIME(6) NOT NULL DEFAULT '2000-01-01 00:00:00';
UPDATE synced_image SET seen_at = synced_at;
CREATE INDEX ix_synced_image_seen ON synced_image (registry_id, seen_at);

CREATE TABLE synced_image_association (
    image_id     BIGINT       NOT NULL,
    digest       VARCHAR(100) NOT NULL,
    architecture VARCHAR(64)  NOT NULL,
    PRIMARY KEY (image_id, digest),
    CONSTRAINT fk_association_image FOREIGN KEY (image_id) REFERENCES synced_image (id) ON DELETE CASCADE
);
