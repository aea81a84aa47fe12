-- HSS's image list totals are sums of an account's repositories' image counts: read off this index alone.
CREATE INDEX ix_repository_account_images ON image_repository (account_id, num_images);
