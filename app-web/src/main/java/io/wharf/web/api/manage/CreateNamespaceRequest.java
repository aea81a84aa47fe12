package io.wharf.web.api.manage;

/** {@code POST /v2/manage/namespaces} body. */
public record CreateNamespaceRequest(String namespace) {
}
