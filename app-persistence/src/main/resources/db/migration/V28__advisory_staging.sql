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
-- The ids an advisory names among its aliases (the CVE a DSA or GHSA is about), so that a CVE id finds the advisories
-- imported under other names; put aside with the rest of a feed while it is read.
CREATE TABLE advisory_alias (
    alias           VARCHAR(128)  NOT NULL,
    advisory_id     VARCHAR(128)  NOT NULL,
    PRIMARY KEY (alias, advisory_id),
    CONSTRAINT fk_advisory_alias FOREIGN KEY (advisory_id) REFERENCES advisory (id) ON DELETE CASCADE
);
CREATE TABLE advisory_alias_staged (
    import_id       BIGINT        NOT NULL,
    alias           VARCHAR(128)  NOT NULL,
    advisory_id     VARCHAR(128)  NOT NULL,
    PRIMARY KEY (import_id, advisory_id, alias)
);
