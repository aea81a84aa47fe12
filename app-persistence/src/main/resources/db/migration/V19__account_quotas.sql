-- Limits Wharf's administrators set per account; an account without a row has the operator's defaults.
CREATE TABLE account_quota (
    account_id      VARCHAR(32)   NOT NULL,
    quota_key       VARCHAR(16)   NOT NULL,
    quota_limit     BIGINT        NOT NULL,
    PRIMARY KEY (account_id, quota_key),
    CONSTRAINT fk_quota_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
