-- Sites belong to tenants: the accounts a region may be written by, each with the remote organizations (a name, or a
-- prefix ending in *) it may write; and the tags at each site with the account whose replication wrote them first,
-- which no other account's job replaces.
CREATE TABLE region_grant (
    region_id   VARCHAR(64)  NOT NULL,
    account_id  VARCHAR(32)  NOT NULL,
    namespaces  VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (region_id, account_id, namespaces),
    CONSTRAINT fk_region_grant_region FOREIGN KEY (region_id) REFERENCES sync_region (id) ON DELETE CASCADE,
    CONSTRAINT fk_region_grant_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE TABLE remote_tag (
    region_id   VARCHAR(64)  NOT NULL,
    repository  VARCHAR(320) NOT NULL,
    tag         VARCHAR(128) NOT NULL,
    account_id  VARCHAR(32)  NOT NULL,
    PRIMARY KEY (region_id, repository, tag),
    CONSTRAINT fk_remote_tag_region FOREIGN KEY (region_id) REFERENCES sync_region (id) ON DELETE CASCADE
);
