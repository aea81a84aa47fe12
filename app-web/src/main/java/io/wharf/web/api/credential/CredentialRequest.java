package io.wharf.web.api.credential;

/** {@code {"credential": {"user_id": "...", "description": "..."}}}. */
public record CredentialRequest(Credential credential) {
    public record Credential(String userId, String description) {
    }
}
