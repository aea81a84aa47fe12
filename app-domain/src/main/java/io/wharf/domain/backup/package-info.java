/** Backups: the database's consistent snapshot as files, beside the immutable blobs. */
package io.wharf.domain.backup;
