package io.wharf.domain.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The release of Wharf running: the build's version, as the log's first line, {@code GET /v2}, the metrics, the
 * console's footer and the schema's record of who migrated it name it.
 */
public final class Release {
    private static final String VERSION = read();

    private Release() {
    }

    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Release.class.getResourceAsStream("release.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            // Unfiltered (a build that skipped resource processing): say so rather than print a placeholder.
            return version.isBlank() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
