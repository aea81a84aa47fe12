package io.wharf.web.api.manage;

/** {@code PATCH /v2/manage/namespaces/{namespace}/repos/{repository}} body; {@code is_public} is mandatory. */
public record UpdateRepositoryRequest(Boolean isPublic, String category, String description) {
}
