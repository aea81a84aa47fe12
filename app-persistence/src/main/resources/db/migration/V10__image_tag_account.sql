-- HSS's image list sorts an account's tags by update time. Through the repository join that meant reading and sorting
-- every tag of the account per page (seconds at 100,000 tags); with the owning account on the tag (a repository never
-- changes account), a page is the first entries of one index and a count is an index range.
ALTER TABLE image_tag ADD COLUMN account_id VARCHAR(32) NOT NULL DEFAULT '';
UPDATE image_tag SET account_id = (SELECT r.account_id FROM image_repository r WHERE r.id = image_tag.repository_id);
CREATE INDEX ix_tag_account_updated ON image_tag (account_id, updated_at, id);
