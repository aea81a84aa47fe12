-- How often each tag was pulled (its manifest fetched by the tag, or by the digest it names) and when last.
ALTER TABLE image_tag ADD COLUMN pull_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE image_tag ADD COLUMN pulled_at DATETIME(6) NULL;
