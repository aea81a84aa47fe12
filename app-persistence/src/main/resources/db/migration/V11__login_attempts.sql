-- Failed sign-ins per login, in the database so that the throttle holds across racing requests and Wharf servers.
-- blocked_until is epoch milliseconds (no time zone to get wrong). The login is stored as the SHA-256 of "account/user": bounded, and no record of the names people mistyped.
CREATE TABLE login_attempt (
    login_hash     CHAR(64)     NOT NULL PRIMARY KEY,
    failures       INT          NOT NULL,
    blocked_until  BIGINT       NOT NULL
);
