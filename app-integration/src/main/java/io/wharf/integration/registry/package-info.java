/** A client of remote OCI registries, for image-sync tasks. */
package io.wharf.integration.registry;
