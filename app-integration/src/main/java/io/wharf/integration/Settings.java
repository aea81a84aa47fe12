package io.wharf.integration;

import java.nio.file.Path;

/** The settings adapters read themselves: a system property, or else the environment variable of the same name. */
public final class Settings {
    private Settings() {
    }

    public static String value(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? System.getenv(name) : value;
    }

    /** {@code WHARF_DATA_DIR}, or {@code ~/.wharf}. */
    public static Path dataDirectory() {
        String dataDir = value("WHARF_DATA_DIR");
        return Path.of(dataDir == null || dataDir.isBlank() ? System.getProperty("user.home") + "/.wharf" : dataDir);
    }
}
