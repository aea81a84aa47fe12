package io.wharf.web.api.iam;

import java.util.List;

/** IAM's token body: {@code {"token": {expires_at, issued_at, methods, user, project}}}. */
public record TokenResponse(Token token) {
    public record Token(String expiresAt, String issuedAt, List<String> methods, User user, Project project) {
    }

    public record User(String id, String name, Domain domain) {
    }

    public record Domain(String id, String name) {
    }

    public record Project(String id, String name, Domain domain) {
    }
}
