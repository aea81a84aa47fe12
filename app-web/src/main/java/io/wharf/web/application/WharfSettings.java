package io.wharf.web.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings read through Wharf's one catalogue ({@link io.wharf.domain.config.Configuration}: a system property, the
 * environment, the optional {@code WHARF_CONFIG_FILE}), so that one WAR runs anywhere. README.md lists them all.
 */
@ApplicationScoped
public class WharfSettings {

    public static Optional<String> value(String name) {
        return io.wharf.domain.config.Configuration.value(name);
    }

    public Optional<String> adminPassword() {
        return value("WHARF_ADMIN_PASSWORD");
    }

    public String adminAccount() {
        return value("WHARF_ADMIN_ACCOUNT").orElse("wharf");
    }

    public String adminUser() {
        return value("WHARF_ADMIN_USER").orElse("admin");
    }

    public Duration tokenLifetime() {
        return Duration.ofHours(Long.parseLong(value("WHARF_TOKEN_TTL_HOURS").orElse("24")));
    }

    /** The registry's address as clients pull from it: the first part of every image path. */
    public String registryAddress() {
        return value("WHARF_REGISTRY_ADDRESS").orElse("localhost:" + (tls() == Tls.OFF
                ? value("WHARF_HTTP_PORT").orElse("9080") : String.valueOf(httpsPort())));
    }

    /**
     * Whether Wharf serves HTTPS itself ({@code WHARF_TLS}): {@code off} (the default; plain HTTP, or TLS ended by a
     * proxy in front), {@code on} (HTTPS, and HTTP answers with a redirect to it) or {@code only} (HTTPS, HTTP closed).
     */
    public enum Tls { OFF, ON, ONLY }

    public Tls tls() {
        String mode = value("WHARF_TLS").orElse("off").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (mode) {
            case "off" -> Tls.OFF;
            case "on" -> Tls.ON;
            case "only" -> Tls.ONLY;
            default -> throw new IllegalStateException("WHARF_TLS must be off, on or only (not \"" + mode + "\").");
        };
    }

    /** The HTTPS port when Wharf serves TLS ({@code WHARF_HTTPS_PORT}, default 9443). */
    public int httpsPort() {
        return Integer.parseInt(value("WHARF_HTTPS_PORT").orElse("9443"));
    }

    /** The PEM certificate (with its chain, if the file has it), key and optional CA chain Wharf serves TLS with. */
    public java.nio.file.Path tlsCertificate() {
        return java.nio.file.Path.of(value("WHARF_TLS_CERT").orElseThrow(() -> new IllegalStateException(
                "WHARF_TLS is on: WHARF_TLS_CERT must name the PEM certificate file.")));
    }

    public java.nio.file.Path tlsKey() {
        return java.nio.file.Path.of(value("WHARF_TLS_KEY").orElseThrow(() -> new IllegalStateException(
                "WHARF_TLS is on: WHARF_TLS_KEY must name the PEM private key file.")));
    }

    public Optional<java.nio.file.Path> tlsChain() {
        return value("WHARF_TLS_CHAIN").map(java.nio.file.Path::of);
    }

    /** Whether clients reach Wharf over HTTPS: Wharf's own TLS, or a TLS-terminating proxy named by the external URL. */
    public boolean clientsUseHttps() {
        return externalUrl().startsWith("https://");
    }

    /**
     * Where clients reach Wharf ({@code WHARF_EXTERNAL_URL}, else {@code http://} and the registry address), without a
     * trailing slash: absolute URLs Wharf hands out (the bearer challenge's realm) are built from it, never from the
     * request's {@code Host} header, which the client chooses.
     */
    public String externalUrl() {
        String url = value("WHARF_EXTERNAL_URL").orElse((tls() == Tls.OFF ? "http://" : "https://") + registryAddress()).strip();
        if (!url.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+(/[A-Za-z0-9._~/-]*)?")) {
            throw new IllegalStateException("WHARF_EXTERNAL_URL must be an http(s) URL such as https://registry.example.com");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether every pushed image is scanned ({@code WHARF_SCAN_ON_PUSH}, default true). */
    public boolean scanOnPush() {
        return !value("WHARF_SCAN_ON_PUSH").orElse("true").equalsIgnoreCase("false");
    }

    /** Images larger than this are not scanned ({@code WHARF_SCAN_MAX_IMAGE_MB}, default 2048): image_oversized. */
    public long scanMaxImageBytes() {
        return Long.parseLong(value("WHARF_SCAN_MAX_IMAGE_MB").orElse("2048")) * 1024 * 1024;
    }

    /** How many images are scanned at once on this server ({@code WHARF_SCAN_WORKERS}, default 1). */
    public int scanWorkers() {
        return Math.max(1, Integer.parseInt(value("WHARF_SCAN_WORKERS").orElse("1")));
    }

    /** Where Wharf keeps its files ({@code WHARF_DATA_DIR}, default {@code ~/.wharf}). */
    public java.nio.file.Path dataDirectory() {
        return java.nio.file.Path.of(value("WHARF_DATA_DIR").orElse(System.getProperty("user.home") + "/.wharf"))
                .toAbsolutePath().normalize();
    }

    /** Where backups are written ({@code WHARF_BACKUP_DIR}, default the data directory's {@code backups}). */
    public java.nio.file.Path backupDirectory() {
        return value("WHARF_BACKUP_DIR").map(java.nio.file.Path::of).orElse(dataDirectory().resolve("backups"))
                .toAbsolutePath().normalize();
    }

    /** A backup to restore into an empty Wharf at start ({@code WHARF_RESTORE_FROM}, a backup's directory). */
    /** How many backups {@code WHARF_BACKUP_KEEP} keeps (default 7): older ones are removed after each new one. */
    public int backupsKept() {
        int kept = value("WHARF_BACKUP_KEEP").map(Integer::parseInt).orElse(7);
        if (kept < 1) {
            throw new IllegalStateException("WHARF_BACKUP_KEEP must be 1 or more.");
        }
        return kept;
    }

    public Optional<java.nio.file.Path> restoreFrom() {
        return value("WHARF_RESTORE_FROM").map(java.nio.file.Path::of);
    }

    /** The directory administrators import feeds from by path ({@code WHARF_FEED_DIR}, default the data dir's feeds). */
    public java.nio.file.Path feedDirectory() {
        return value("WHARF_FEED_DIR").map(java.nio.file.Path::of).orElse(dataDirectory().resolve("feeds"))
                .toAbsolutePath().normalize();
    }

    /** Feed zips imported on a schedule ({@code WHARF_FEED_URLS}, comma-separated http(s) URLs of OSV zips). */
    public java.util.List<String> feedUrls() {
        return value("WHARF_FEED_URLS").map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip)
                .filter(u -> !u.isEmpty()).toList()).orElse(java.util.List.of());
    }

    /** Hours between imports of {@link #feedUrls()} ({@code WHARF_FEED_INTERVAL_HOURS}, default 24). */
    public long feedIntervalHours() {
        return Math.max(1, Long.parseLong(value("WHARF_FEED_INTERVAL_HOURS").orElse("24")));
    }

    /** The name every account's project carries, as a region name would in the public cloud. */
    public String region() {
        return value("WHARF_REGION").orElse("wharf-local");
    }
}
