/**
 * The OCI distribution API under {@code /v2/}: blobs, uploads, manifests, tags, catalog and referrers, with the bearer
 * token authentication registries use. The management API keeps {@code /v2/manage}.
 */
package io.wharf.web.registry;
