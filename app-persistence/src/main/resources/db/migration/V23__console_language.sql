-- The console language a user chose with the switcher, so it follows them to another browser; NULL: the browser's.
ALTER TABLE account_user ADD COLUMN console_language VARCHAR(16) NULL;
