-- Whether an account's pushed images are scanned on push; an account without a row follows the operator's default.
CREATE TABLE account_scan_setting (
    account_id      VARCHAR(32)   NOT NULL PRIMARY KEY,
    scan_on_push    BOOLEAN       NOT NULL
);
