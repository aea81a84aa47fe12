-- Shared lists are ordered by their repositories' update time, and HSS totals a receiving account's shared images: a
-- copy of the repository's update time and image count on each share, kept by the statements that change the
-- repository's, lets a page of an account's shares and their total come off one index instead of reading every share
-- joined to its repository.
ALTER TABLE access_domain ADD COLUMN repository_updated_at DATETIME(6) NULL;
ALTER TABLE access_domain ADD COLUMN repository_num_images BIGINT NOT NULL DEFAULT 0;
UPDATE access_domain SET
    repository_updated_at = (SELECT r.updated_at FROM image_repository r WHERE r.id = access_domain.repository_id),
    repository_num_images = (SELECT r.num_images FROM image_repository r WHERE r.id = access_domain.repository_id);
ALTER TABLE access_domain MODIFY COLUMN repository_updated_at DATETIME(6) NOT NULL;
CREATE INDEX ix_access_domain_account_order
    ON access_domain (account_id, repository_updated_at, repository_id, repository_num_images);
