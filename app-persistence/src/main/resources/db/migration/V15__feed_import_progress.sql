-- Feed imports run in the background: each records its phase (waiting, reading, storing, matching, done) and how many
-- of how many items (advisories read, images re-matched) are through, for the console's progress bar.
ALTER TABLE feed_import ADD COLUMN phase VARCHAR(16) NOT NULL DEFAULT 'done';
ALTER TABLE feed_import ADD COLUMN progress_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE feed_import ADD COLUMN progress_total BIGINT NOT NULL DEFAULT 0;
