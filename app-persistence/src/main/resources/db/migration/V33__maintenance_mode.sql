-- Read-only maintenance mode: one row for the whole installation, so every server behind the load balancer agrees.
CREATE TABLE maintenance_mode (
    id         INT          NOT NULL PRIMARY KEY,
    read_only  BOOLEAN      NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    set_by     VARCHAR(130) NOT NULL,
    set_at     DATETIME(6)  NOT NULL
);
INSERT INTO maintenance_mode (id, read_only, reason, set_by, set_at) VALUES (1, FALSE, '', '', '1970-01-01 00:00:00');
