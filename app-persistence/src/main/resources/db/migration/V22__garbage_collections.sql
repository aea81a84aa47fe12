-- The history of garbage collections, for the Storage page and the administrators' overview.
CREATE TABLE garbage_collection (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    started_at      DATETIME(6)   NOT NULL,
    finished_at     DATETIME(6)   NOT NULL,
    scheduled       BOOLEAN       NOT NULL,
    links_removed   INT           NOT NULL,
    blobs_removed   INT           NOT NULL,
    bytes_freed     BIGINT        NOT NULL
);
CREATE INDEX ix_garbage_collection_started ON garbage_collection (started_at);
