-- Users' access keys; the secret key is stored AES-GCM encrypted with a key that is not in the database.
CREATE TABLE access_key (
    access_key_id     VARCHAR(20)   NOT NULL PRIMARY KEY,
    user_id           VARCHAR(32)   NOT NULL,
    encrypted_secret  VARCHAR(200)  NOT NULL,
    description       VARCHAR(255)  NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    CONSTRAINT fk_access_key_user FOREIGN KEY (user_id) REFERENCES account_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_access_key_user ON access_key (user_id);
