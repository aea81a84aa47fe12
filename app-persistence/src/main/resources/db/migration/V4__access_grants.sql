-- Rights given to users of an account on one organization or one repository (scope NAMESPACE or REPOSITORY).
CREATE TABLE access_grant (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    scope       VARCHAR(10) NOT NULL,
    target_id   BIGINT      NOT NULL,
    user_id     VARCHAR(32) NOT NULL,
    user_name   VARCHAR(32) NOT NULL,
    auth        INT         NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT uk_access_grant UNIQUE (scope, target_id, user_id),
    CONSTRAINT fk_access_grant_user FOREIGN KEY (user_id) REFERENCES account_user (id) ON DELETE CASCADE
);
-- Visibility checks start from the user.
CREATE INDEX ix_access_grant_user ON access_grant (user_id, scope, target_id);
