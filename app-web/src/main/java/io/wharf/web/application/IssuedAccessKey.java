package io.wharf.web.application;

import io.wharf.domain.credential.AccessKey;

/** A new access key with its secret, which is shown this once and never again. */
public record IssuedAccessKey(AccessKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedAccessKey[" + key.accessKeyId() + "]";
    }
}
