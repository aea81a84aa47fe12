/** Registries an account syncs image assets from, and the sync tasks that walk them. */
package io.wharf.domain.sync;
