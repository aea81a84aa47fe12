-- Read-only maintenance mode: one row for the whole installation (written when first set; none means off), so every
-- server behind the load balancer agrees. No row is seeded here, so that a restore loads the backup's own.
CREATE TABLE maintenance_mode (
    id         INT          NOT NULL PRIMARY KEY,
    read_only  BOOLEAN      NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    set_by     VARCHAR(130) NOT NULL,
    set_at     DATETIME(6)  NOT NULL
);
