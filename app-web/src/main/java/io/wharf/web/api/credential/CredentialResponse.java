package io.wharf.web.api.credential;

import io.wharf.domain.credential.AccessKey;

import java.util.List;

/** An access key in IAM's shape; {@code secret} only in the answer to its creation. */
public record CredentialResponse(String access, String secret, String status, String userId, String createTime,
                                 String description) {

    static CredentialResponse of(AccessKey key, String secret) {
        return new CredentialResponse(key.accessKeyId(), secret, "active", key.userId(), key.createdAt().toString(),
                key.description());
    }

    public record One(CredentialResponse credential) {
    }

    public record Many(List<CredentialResponse> credentials) {
    }
}
