-- An account's usage day by day: the day's last snapshot of its stored bytes, and the bytes pulled from it that day.
CREATE TABLE account_usage_day (
    account_id      VARCHAR(32)   NOT NULL,
    usage_day       DATE          NOT NULL,
    store_bytes     BIGINT        NOT NULL,
    downflow_bytes  BIGINT        NOT NULL,
    PRIMARY KEY (account_id, usage_day)
);
