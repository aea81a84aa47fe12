package io.wharf.web.application;

import io.wharf.domain.permission.Grant;

import java.util.List;

/** The permissions on an organization or repository: the caller's own right and the grants of other users. */
public record AccessView(long id, String name, String creatorName, Grant self, List<Grant> others) {
}
