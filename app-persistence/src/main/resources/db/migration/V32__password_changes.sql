-- Passwords change: when the password last changed (console sessions begun before it are over), and whether an
-- administrator set it, so that the user must choose their own before anything else.
ALTER TABLE account_user ADD COLUMN credentials_changed_at DATETIME(6);
ALTER TABLE account_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE account_user SET credentials_changed_at = created_at;
ALTER TABLE account_user MODIFY credentials_changed_at DATETIME(6) NOT NULL;
