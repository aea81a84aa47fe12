package io.wharf.domain.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Wharf's database written out as files, read in one consistent snapshot while Wharf serves. */
public interface DatabaseBackup {

    /** What a backup's database part holds: the schema version it was read at and the rows of each table. */
    record Snapshot(int schemaVersion, Map<String, Long> rows) {
        public Snapshot {
            rows = Map.copyOf(rows);
        }

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes every table into {@code directory} (created); returns what was written. */
    Snapshot export(Path directory) throws IOException;
}
