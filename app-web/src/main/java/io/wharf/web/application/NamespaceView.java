package io.wharf.web.application;

import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Permission;

/** An organization as one caller sees it: with the right that caller holds on it. */
public record NamespaceView(Namespace namespace, Permission auth) {
}
