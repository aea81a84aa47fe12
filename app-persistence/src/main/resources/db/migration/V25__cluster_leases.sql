-- Leases by which the nodes of a cluster share work (a scheduled job runs on the node holding its lease; each node
-- holds "node:<its id>" while it lives), and the node that claimed a scan or a sync job, so that work a dead node had
-- claimed is queued again.
CREATE TABLE job_lease (
    name         VARCHAR(128)  NOT NULL PRIMARY KEY,
    holder       VARCHAR(128)  NULL,
    expires_at   DATETIME(6)   NOT NULL,
    finished_at  DATETIME(6)   NULL
);
ALTER TABLE image_scan ADD COLUMN claimed_by VARCHAR(128) NULL;
ALTER TABLE sync_job ADD COLUMN claimed_by VARCHAR(128) NULL;
