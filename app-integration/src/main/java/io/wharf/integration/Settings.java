package io.wharf.integration;

import io.wharf.domain.config.Configuration;

import java.nio.file.Path;

/** The settings adapters read themselves, from Wharf's one catalogue ({@link Configuration}); null when not set. */
public final class Settings {
    private Settings() {
    }

    public static String value(String name) {
        return Configuration.value(name).orElse(null);
    }

    /** {@code WHARF_DATA_DIR}, or {@code ~/.wharf}. */
    public static Path dataDirectory() {
        String dataDir = value("WHARF_DATA_DIR");
        return Path.of(dataDir == null || dataDir.isBlank() ? System.getProperty("user.home") + "/.wharf" : dataDir);
    }
}
