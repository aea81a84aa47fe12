/** Versioned SQL migrations, applied in order at start-up and recorded in {@code schema_version}. */
package io.wharf.persistence.migration;
