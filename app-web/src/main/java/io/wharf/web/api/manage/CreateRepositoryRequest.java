package io.wharf.web.api.manage;

/** {@code POST /v2/manage/namespaces/{namespace}/repos} body (the SDK's and the reference's form). */
public record CreateRepositoryRequest(String repository, Boolean isPublic, String category, String description) {
}
