package io.wharf.domain.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every setting of Wharf (README.md's table is tested against this list) and where its value comes from: a Java system
 * property, else the environment variable, else the file {@code WHARF_CONFIG_FILE} names (Java properties), else the
 * default. {@link #problems} checks them all at start: an unknown {@code WHARF_*} name (a misspelling would otherwise be
 * silently ignored) and a value breaking its rule are refused, naming the setting.
 */
public final class Configuration {
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final Pattern HTTP_URL = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+(/[A-Za-z0-9._~/-]*)?");
    private static final String CONFIG_FILE = "WHARF_CONFIG_FILE";

    /** The catalogue, in README.md's order. */
    public static final List<Setting> SETTINGS = List.of(
            text("WHARF_CONFIG_FILE", "(none)", "A Java properties file holding settings (the environment and system properties win over it)"),
            path("WHARF_DATA_DIR", "~/.wharf", "Where Wharf keeps its data: the H2 database, the secret key and image blobs"),
            path("WHARF_STORAGE_DIR", "WHARF_DATA_DIR/registry", "Where image blobs and uploads in progress live"),
            oneOf("WHARF_STORAGE", "file", "Where blobs live: file, or s3 (a bucket shared by every node)", "file", "s3"),
            url("WHARF_S3_ENDPOINT", "(AWS)", "The S3 API's address; unset for AWS itself"),
            text("WHARF_S3_REGION", "us-east-1", "The bucket's region"),
            text("WHARF_S3_BUCKET", "(none)", "The bucket (created when missing)"),
            text("WHARF_S3_PREFIX", "(none)", "A key prefix, to share a bucket"),
            secret("WHARF_S3_ACCESS_KEY", "(AWS default chain)", "The S3 access key"),
            secret("WHARF_S3_SECRET_KEY", "(AWS default chain)", "The S3 secret key"),
            bool("WHARF_S3_PATH_STYLE", "true", "false for virtual-hosted bucket addresses"),
            bool("WHARF_S3_REDIRECT", "false", "true: blob downloads are redirected to presigned URLs"),
            text("WHARF_NODE_ID", "host name + random", "This node's name in the cluster's leases"),
            whole("WHARF_DRAIN_SECONDS", "30", "On SIGTERM, how long requests in flight may take to finish", 0, 3600),
            bool("WHARF_BLOB_FSYNC", "true", "Flush every blob to disk before a manifest may name it"),
            rule("WHARF_GC_INTERVAL_HOURS", "24", "How often unreferenced blobs are collected (0: only when asked)",
                    "a number of hours from 0 to 8760 (fractions allowed)", v -> decimalWithin(v, 0, 8760), false, false),
            liberty(oneOf("WHARF_DB", "h2", "The database: h2 (embedded) or mariadb", "h2", "mariadb")),
            // The driver's high-availability forms too: jdbc:mariadb:sequential://a,b,c/wharf (the Galera cluster's).
            liberty(rule("WHARF_DB_URL", "jdbc:mariadb://127.0.0.1:3306/wharf", "MariaDB JDBC URL",
                    "a jdbc:mariadb: URL", v -> v.matches("jdbc:mariadb:([a-z]+:)?//.+"), false, false)),
            liberty(text("WHARF_DB_USER", "wharf", "MariaDB user")),
            liberty(secret("WHARF_DB_PASSWORD", "wharf", "MariaDB password")),
            whole("WHARF_DB_WAIT_SECONDS", "120", "At start, how long Wharf waits for a database that does not answer yet", 0, 3600),
            liberty(port("WHARF_HTTP_PORT", "9080", "HTTP port")),
            liberty(text("WHARF_HOST", "localhost", "Interface to listen on (* for all)")),
            rule("WHARF_ADMIN_PASSWORD", "generated", "Password of Wharf's administrator, used on the first start only",
                    "8 to 128 characters", v -> v.length() >= 8 && v.length() <= 128, true, false),
            text("WHARF_ADMIN_ACCOUNT", "wharf", "Account of Wharf's administrators, created on the first start"),
            text("WHARF_ADMIN_USER", "admin", "Name of the first administrator"),
            whole("WHARF_TOKEN_TTL_HOURS", "24", "Lifetime of an IAM token", 1, 8760),
            text("WHARF_REGION", "wharf-local", "Name of every account's project"),
            rule("WHARF_SECRET_KEY", "generated into WHARF_DATA_DIR/secret.key", "The AES key that seals stored secrets",
                    "the Base64 of 32 bytes", Configuration::isKey, true, false),
            rule("WHARF_EXTERNAL_URL", "http(s):// + WHARF_REGISTRY_ADDRESS", "The address clients reach Wharf at",
                    "an http(s) URL such as https://registry.example.com", v -> HTTP_URL.matcher(v).matches(), false, false),
            oneOf("WHARF_TLS", "off", "Whether Wharf serves HTTPS itself: off, on or only", "off", "on", "only"),
            path("WHARF_TLS_CERT", "(none)", "PEM certificate (may hold its chain)"),
            path("WHARF_TLS_KEY", "(none)", "Unencrypted PEM private key"),
            path("WHARF_TLS_CHAIN", "(none)", "Optional PEM CA chain"),
            port("WHARF_HTTPS_PORT", "9443", "The HTTPS port when WHARF_TLS is on"),
            oneOf("WHARF_MIGRATE", "(migrate at start)", "dry-run: print the pending migrations and exit", "dry-run"),
            whole("WHARF_RETENTION_INTERVAL_HOURS", "24", "How often retention policies run (0: only when asked)", 0, 8760),
            whole("WHARF_WEBHOOK_RETRY_SECONDS", "10", "First wait before a failed webhook is sent again", 1, 86_400),
            whole("WHARF_SYNC_RETRY_SECONDS", "30", "First wait before a sync job to a site that is down is tried again", 1, 86_400),
            whole("WHARF_QUOTA_NAMESPACES", "no limit", "Each account's default limit of organizations", 0, Long.MAX_VALUE),
            whole("WHARF_QUOTA_REPOSITORIES", "no limit", "Each account's default limit of repositories", 0, Long.MAX_VALUE),
            whole("WHARF_QUOTA_STORAGE_MIB", "no limit", "Each account's default storage limit in MiB", 0, Long.MAX_VALUE),
            oneOf("WHARF_AUDIT", "on", "off records no audit trail", "on", "off"),
            oneOf("WHARF_ACCESS_LOG", "off", "on: one line a request in the server's log", "on", "off"),
            oneOf("WHARF_METRICS", "token", "Who may scrape /-/metrics: token (WHARF_METRICS_TOKEN), public or off",
                    "token", "public", "off"),
            rule("WHARF_METRICS_TOKEN", "(none)", "The bearer token Prometheus sends to /-/metrics",
                    "16 to 256 printable characters", v -> v.length() >= 16 && v.length() <= 256
                            && v.chars().allMatch(c -> c > 32 && c < 127), true, false),
            whole("WHARF_AUDIT_RETENTION_DAYS", "180", "How long audit traces are kept", 1, 36_500),
            path("WHARF_BACKUP_DIR", "<data dir>/backups", "Where administrators' backups are written"),
            whole("WHARF_BACKUP_KEEP", "7", "How many backups are kept", 1, 1000),
            path("WHARF_RESTORE_FROM", "(none)", "A backup's directory, restored at start into an empty Wharf"),
            text("WHARF_SYNC_ALLOWED_NETWORKS", "public", "What Wharf's outbound connections may reach"),
            bool("WHARF_SCAN_ON_PUSH", "true", "Scan pushed images for accounts that made no choice of their own"),
            whole("WHARF_SCAN_WORKERS", "1", "Images scanned at once on this server", 1, 64),
            whole("WHARF_SCAN_MAX_IMAGE_MB", "2048", "Larger images are not scanned", 1, 1_048_576),
            path("WHARF_FEED_DIR", "WHARF_DATA_DIR/feeds", "The only directory feeds may be imported from by path"),
            rule("WHARF_FEED_URLS", "(none)", "Comma-separated http(s) URLs of OSV feed zips imported on a schedule",
                    "comma-separated http(s) URLs", v -> List.of(v.split(",")).stream().map(String::strip)
                            .allMatch(u -> u.isEmpty() || u.startsWith("http://") || u.startsWith("https://")), false, false),
            whole("WHARF_FEED_INTERVAL_HOURS", "24", "Hours between imports of WHARF_FEED_URLS", 1, 8760),
            text("WHARF_REGISTRY_ADDRESS", "localhost:<WHARF_HTTP_PORT>", "The registry address in image paths"));

    private static final Map<String, Setting> BY_NAME = index();
    private static volatile Properties file;

    private Configuration() {
    }

    /** The setting of that name; a name Wharf does not know is a programming error. */
    public static Setting setting(String name) {
        Setting setting = BY_NAME.get(name);
        if (setting == null) {
            throw new IllegalArgumentException(name + " is not in Wharf's catalogue of settings");
        }
        return setting;
    }

    /** A setting's value, from the first source that has one (blank counts as none); empty means the default. */
    public static Optional<String> value(String name) {
        return source(setting(name)).map(Map.Entry::getValue);
    }

    /** What was set and where: {@code property}, {@code environment} or {@code file}. */
    private static Optional<Map.Entry<String, String>> source(Setting setting) {
        String value = System.getProperty(setting.name());
        if (!blank(value)) {
            return Optional.of(Map.entry("property", value));
        }
        value = System.getenv(setting.name());
        if (!blank(value)) {
            return Optional.of(Map.entry("environment", value));
        }
        value = setting.libertyReads() ? null : file().getProperty(setting.name());
        return blank(value) ? Optional.empty() : Optional.of(Map.entry("file", value));
    }

    /** One setting as in force: its value (masked when secret) or default, and where it came from. */
    public record Effective(String name, String value, String source, String defaultValue, String meaning, boolean secret) {
    }

    public static List<Effective> effective() {
        List<Effective> all = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            Optional<Map.Entry<String, String>> found = source(setting);
            all.add(new Effective(setting.name(), found.map(f -> setting.shown(f.getValue())).orElse(setting.defaultValue()),
                    found.map(Map.Entry::getKey).orElse("default"), setting.defaultValue(), setting.meaning(),
                    setting.secret()));
        }
        return all;
    }

    /**
     * Every problem with the settings given: unknown {@code WHARF_*} names among the system properties, the
     * environment and the file (with the nearest known name), values breaking their rule, settings only Liberty
     * reads put in the file. Empty when Wharf may start.
     */
    public static List<String> problems() {
        return problems(System.getenv(), System.getProperties(), file());
    }

    static List<String> problems(Map<String, String> environment, Properties properties, Properties fromFile) {
        List<String> problems = new ArrayList<>();
        Set<String> given = new TreeSet<>();
        environment.keySet().stream().filter(n -> n.startsWith("WHARF_")).forEach(given::add);
        properties.stringPropertyNames().stream().filter(n -> n.startsWith("WHARF_")).forEach(given::add);
        Set<String> inFile = new TreeSet<>(fromFile.stringPropertyNames());
        for (String name : given) {
            if (!BY_NAME.containsKey(name)) {
                problems.add(unknown(name));
            }
        }
        for (String name : inFile) {
            if (!BY_NAME.containsKey(name)) {
                problems.add(unknown(name) + " (in " + environmentOr(environment, properties, CONFIG_FILE) + ")");
            } else if (BY_NAME.get(name).libertyReads()) {
                problems.add(name + " cannot be set in " + environmentOr(environment, properties, CONFIG_FILE)
                        + ": Liberty reads it before Wharf starts; set it in the environment.");
            }
        }
        for (Setting setting : SETTINGS) {
            String value = properties.getProperty(setting.name());
            if (blank(value)) {
                value = environment.get(setting.name());
            }
            if (blank(value) && !setting.libertyReads()) {
                value = fromFile.getProperty(setting.name());
            }
            if (!blank(value) && setting.refusal(value) != null) {
                problems.add(setting.refusal(value));
            }
        }
        return problems;
    }

    private static String environmentOr(Map<String, String> environment, Properties properties, String name) {
        String value = properties.getProperty(name);
        return blank(value) ? environment.getOrDefault(name, name) : value;
    }

    private static String unknown(String name) {
        String nearest = SETTINGS.stream().map(Setting::name)
                .min(Comparator.comparingInt(known -> distance(known, name))).orElseThrow();
        return name + " is not a Wharf setting" + (distance(nearest, name) <= 3 ? " (did you mean " + nearest + "?)" : "")
                + "; README.md lists them all.";
    }

    /** The file {@code WHARF_CONFIG_FILE} names, read once; none is an empty set. */
    private static Properties file() {
        Properties loaded = file;
        if (loaded == null) {
            loaded = new Properties();
            String path = System.getProperty(CONFIG_FILE);
            if (blank(path)) {
                path = System.getenv(CONFIG_FILE);
            }
            if (!blank(path)) {
                try (Reader in = Files.newBufferedReader(Path.of(path.strip()), StandardCharsets.UTF_8)) {
                    loaded.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("WHARF_CONFIG_FILE names " + path + ", which cannot be read: "
                            + e.getMessage(), e);
                }
            }
            file = loaded;
        }
        return loaded;
    }

    // The rules.

    private static Setting rule(String name, String defaultValue, String meaning, String rule, Predicate<String> accepts,
                                boolean secret, boolean libertyReads) {
        return new Setting(name, defaultValue, meaning, rule, accepts, secret, libertyReads);
    }

    private static Setting liberty(Setting setting) {
        return new Setting(setting.name(), setting.defaultValue(), setting.meaning(), setting.rule(), setting.accepts(),
                setting.secret(), true);
    }

    private static Setting text(String name, String defaultValue, String meaning) {
        return rule(name, defaultValue, meaning, "one line of text", v -> v.chars().noneMatch(Character::isISOControl),
                false, false);
    }

    private static Setting secret(String name, String defaultValue, String meaning) {
        return rule(name, defaultValue, meaning, "one line of text", v -> v.chars().noneMatch(Character::isISOControl),
                true, false);
    }

    private static Setting path(String name, String defaultValue, String meaning) {
        return rule(name, defaultValue, meaning, "a file system path", v -> v.chars().noneMatch(Character::isISOControl),
                false, false);
    }

    private static Setting url(String name, String defaultValue, String meaning) {
        return rule(name, defaultValue, meaning, "an http(s) URL", v -> HTTP_URL.matcher(v).matches(), false, false);
    }

    private static Setting bool(String name, String defaultValue, String meaning) {
        return rule(name, defaultValue, meaning, "true or false",
                v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"), false, false);
    }

    private static Setting oneOf(String name, String defaultValue, String meaning, String... values) {
        Set<String> allowed = Set.of(values);
        return rule(name, defaultValue, meaning, "one of " + String.join(", ", new TreeSet<>(allowed)),
                v -> allowed.contains(v.toLowerCase(Locale.ROOT)), false, false);
    }

    private static Setting whole(String name, String defaultValue, String meaning, long min, long max) {
        return rule(name, defaultValue, meaning, "a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max),
                v -> {
                    try {
                        long n = Long.parseLong(v);
                        return n >= min && n <= max;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }, false, false);
    }

    private static Setting port(String name, String defaultValue, String meaning) {
        return rule(name, defaultValue, meaning, "a port from 1 to 65535",
                v -> PORT.matcher(v).matches() && Integer.parseInt(v) <= 65_535, false, false);
    }

    private static boolean decimalWithin(String value, double min, double max) {
        try {
            double n = Double.parseDouble(value);
            return n >= min && n <= max && !Double.isNaN(n);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isKey(String value) {
        try {
            return java.util.Base64.getDecoder().decode(value).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, Setting> index() {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting setting : SETTINGS) {
            if (byName.put(setting.name(), setting) != null) {
                throw new IllegalStateException("Two settings named " + setting.name());
            }
        }
        return byName;
    }

    /** Levenshtein's distance: how many one-character edits turn one name into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
