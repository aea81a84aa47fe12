-- A feed is read as a stream and put aside in batches, each its own short transaction, so that a full export (hundreds
-- of thousands of advisories) never sits in memory nor holds one long transaction while it is read; only when the
-- whole feed has been read are its advisories made the stored ones, in one statement each. A refused or interrupted
-- import deletes what it put aside: the stored advisories never see half a feed.
CREATE TABLE advisory_staged (
    import_id       BIGINT        NOT NULL,
    id              VARCHAR(128)  NOT NULL,
    modified_at     DATETIME(6)   NOT NULL,
    document        MEDIUMTEXT    NOT NULL,
    PRIMARY KEY (import_id, id)
);
CREATE TABLE advisory_package_staged (
    import_id       BIGINT        NOT NULL,
    ecosystem       VARCHAR(64)   NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    advisory_id     VARCHAR(128)  NOT NULL,
    PRIMARY KEY (import_id, advisory_id, ecosystem, name)
);
