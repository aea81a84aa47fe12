package io.wharf.web.api.manage;

import java.util.List;

/** {@code GET /v2/manage/namespaces} body. */
public record NamespaceListResponse(List<NamespaceResponse> namespaces) {
}
