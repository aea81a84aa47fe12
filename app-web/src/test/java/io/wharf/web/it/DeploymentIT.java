package io.wharf.web.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How operators run Wharf, done as docs/operations.md says: the WAR on a plain Open Liberty (the Maven
 * {@code openliberty-runtime} zip, unpacked) with only the documented configuration and a MariaDB database; and the
 * packaged server started with one command. Each serves a push and a pull with skopeo.
 */
class DeploymentIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = "deploy-Admin-Secret-1";

    @Test
    void theWarRunsOnAPlainOpenLibertyWithTheDocumentedConfiguration() throws Exception {
        Path home = Files.createTempDirectory("wharf-plain-liberty");
        unzip(Path.of(System.getProperty("wharf.it.liberty.zip")), home);
        Path wlp = home.resolve("wlp");
        run(wlp, "create", "ops");
        Path server = wlp.resolve("usr/servers/ops");
        Path config = Path.of(System.getProperty("wharf.it.config.dir"));
        // The operator's steps (docs/operations.md, "On your own Open Liberty").
        Files.copy(config.resolve("wharf.xml"), server.resolve("wharf.xml"));
        Files.copy(config.resolve("db-mariadb.xml"), server.resolve("db-mariadb.xml"));
        Files.createDirectories(server.resolve("apps"));
        Files.copy(Path.of(System.getProperty("wharf.it.war")), server.resolve("apps/wharf.war"));
        Files.createDirectories(server.resolve("jdbc"));
        Files.copy(ExtraServer.WLP.resolve("usr/servers/" + System.getProperty("wharf.it.server", "wharf-it")
                + "/jdbc/mariadb-java-client.jar"), server.resolve("jdbc/mariadb-java-client.jar"));
        int port = ExtraServer.freePort();
        // An existing server.xml of the operator's, with the two includes added.
        Files.writeString(server.resolve("server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server description="the operator's own server">
                  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="%d" httpsPort="-1"/>
                  <include location="wharf.xml"/>
                  <include location="db-mariadb.xml"/>
                </server>
                """.formatted(port));
        String database = "wharf_deploy_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "wharf", "wharf")) {
            c.createStatement().execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        Path data = Files.createTempDirectory("wharf-plain-data");
        // Added to what `server create` wrote (its keystore and LTPA keys passwords), as docs/operations.md says.
        Files.writeString(server.resolve("server.env"), String.join("\n", "",
                "WHARF_DB_URL=jdbc:mariadb://127.0.0.1:3306/" + database, "WHARF_DB_USER=wharf", "WHARF_DB_PASSWORD=wharf",
                "WHARF_DATA_DIR=" + data, "WHARF_EXTERNAL_URL=http://localhost:" + port,
                "WHARF_REGISTRY_ADDRESS=localhost:" + port, "WHARF_ADMIN_PASSWORD=" + PASSWORD, ""),
                java.nio.file.StandardOpenOption.APPEND);
        try {
            run(wlp, "start", "ops");
            awaitReady("http://localhost:" + port, server.resolve("logs/messages.log"));
            pushAndPull("localhost:" + port, PASSWORD);
        } finally {
            run(wlp, "stop", "ops");
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "wharf", "wharf")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /**
     * Issue 28: the shipped unit's ExecStartPre and environment, as systemd would run them — the extraction directory
     * removed before each start, logs kept apart; a second start used to fail for ever ("Directory already exists").
     */
    @Test
    void thePackagedServerStartsAgainAfterAStopAsTheShippedUnitRunsIt() throws Exception {
        String unit = Files.readString(Path.of(System.getProperty("wharf.it.config.dir"), "../../../../../deploy/wharf.service")
                .normalize());
        assertTrue(unit.contains("ExecStartPre=/bin/rm -rf /var/lib/wharf/server")
                && unit.contains("Environment=WLP_JAR_EXTRACT_DIR=/var/lib/wharf/server")
                && unit.contains("Environment=LOG_DIR=/var/lib/wharf/logs"), "the unit this test follows");
        int port = ExtraServer.freePort();
        Path home = Files.createTempDirectory("wharf-unit-home");
        Path extract = home.resolve("server");
        for (int start = 1; start <= 3; start++) {
            ExtraServer.delete(extract);
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", System.getProperty("wharf.it.server.jar")).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("console-" + start + ".log").toFile());
            command.environment().putAll(Map.of("WHARF_HTTP_PORT", String.valueOf(port), "WHARF_DATA_DIR",
                    home.resolve("data").toString(), "WLP_JAR_EXTRACT_DIR", extract.toString(), "LOG_DIR",
                    home.resolve("logs").toString(), "WHARF_ADMIN_PASSWORD", PASSWORD));
            Process wharf = command.start();
            try {
                awaitReady("http://localhost:" + port, home.resolve("console-" + start + ".log"));
            } finally {
                wharf.destroy();
                assertTrue(wharf.waitFor(2, TimeUnit.MINUTES), "stopped by SIGTERM, as systemd stops it");
            }
        }
        assertTrue(Files.exists(home.resolve("logs/messages.log")), "the logs live outside the extraction directory");
    }

    /**
     * Issue 28: a start that cannot succeed ends the process with status 3 and its reason on one line, so that systemd
     * or the container runtime sees it (a server left running without Wharf answered its health checks).
     */
    @Test
    void aStartThatCannotSucceedExitsNonZeroWithItsReasonOnOneLine() throws Exception {
        Path home = Files.createTempDirectory("wharf-bad-start");
        Process wharf = packaged(home, "bad-tls", Map.of("WHARF_TLS", "on", "WHARF_TLS_CERT", home.resolve("missing.pem")
                .toString(), "WHARF_TLS_KEY", home.resolve("missing.key").toString()));
        assertTrue(wharf.waitFor(3, TimeUnit.MINUTES), "the server exits by itself");
        String console = Files.readString(home.resolve("bad-tls.log"));
        assertEquals(3, wharf.exitValue(), console);
        assertTrue(console.lines().anyMatch(line -> line.contains("Wharf cannot start: HTTPS cannot start:")
                && line.contains("missing.pem")), console);
    }

    /** Issue 28: the migrations' dry run prints what it would apply and exits 0, never leaving a server running. */
    @Test
    void theMigrationsDryRunPrintsAndExitsZero() throws Exception {
        Path home = Files.createTempDirectory("wharf-dry-run");
        Process wharf = packaged(home, "dry-run", Map.of("WHARF_MIGRATE", "dry-run"));
        assertTrue(wharf.waitFor(3, TimeUnit.MINUTES), "the dry run ends by itself");
        String console = Files.readString(home.resolve("dry-run.log"));
        assertEquals(0, wharf.exitValue(), console);
        assertTrue(console.contains("WHARF_MIGRATE=dry-run: ") && console.contains("V1__identity_and_namespaces.sql"),
                console);
    }

    /**
     * Issue 28: Wharf started before its database (a reboot's order) waits for it, saying so, and starts when it
     * answers; it used to stay up without its application for good.
     */
    @Test
    void aDatabaseThatComesUpLaterIsWaitedFor() throws Exception {
        String database = "wharf_late_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "wharf", "wharf")) {
            c.createStatement().execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        Path home = Files.createTempDirectory("wharf-late-db");
        try (TcpProxy late = new TcpProxy(3306)) {
            late.cut();
            int port = ExtraServer.freePort();
            Process wharf = packaged(home, "late-db", Map.of("WHARF_HTTP_PORT", String.valueOf(port), "WHARF_DB", "mariadb",
                    "WHARF_DB_URL", "jdbc:mariadb://127.0.0.1:" + late.port + "/" + database, "WHARF_DB_USER", "wharf",
                    "WHARF_DB_PASSWORD", "wharf"));
            try {
                Path log = home.resolve("late-db.log");
                java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
                while (!Files.readString(log).contains("The database is unreachable")) {
                    assertTrue(java.time.Instant.now().isBefore(deadline) && wharf.isAlive(), Files.readString(log));
                    Thread.sleep(500);
                }
                late.restore();
                awaitReady("http://localhost:" + port, log);
                assertTrue(Files.readString(log).contains("The database answers: it was unreachable for"));
                pushAndPull("localhost:" + port, PASSWORD);
            } finally {
                wharf.destroy();
                wharf.waitFor(2, TimeUnit.MINUTES);
            }
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "wharf", "wharf")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /** The packaged jar started as the unit starts it, with the console written to {@code <name>.log}. */
    private static Process packaged(Path home, String name, Map<String, String> settings) throws IOException {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("wharf.it.server.jar")).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        command.environment().putAll(Map.of("WHARF_HTTP_PORT", String.valueOf(ExtraServer.freePort()), "WHARF_DATA_DIR",
                home.resolve("data").toString(), "WLP_JAR_EXTRACT_DIR", home.resolve("server").toString(), "LOG_DIR",
                home.resolve("logs").toString(), "WHARF_ADMIN_PASSWORD", PASSWORD, "WHARF_DB_WAIT_SECONDS", "120"));
        command.environment().putAll(settings);
        return command.start();
    }

    @Test
    void thePackagedServerStartsWithOneCommand() throws Exception {
        int port = ExtraServer.freePort();
        Path data = Files.createTempDirectory("wharf-packaged-data");
        Path work = Files.createTempDirectory("wharf-packaged-run");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("wharf.it.server.jar")).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("console.log").toFile());
        // No WHARF_ADMIN_PASSWORD: the generated one is in an owner-only file, and nowhere in the log.
        command.environment().putAll(Map.of("WHARF_HTTP_PORT", String.valueOf(port), "WHARF_DATA_DIR", data.toString(),
                "WLP_JAR_EXTRACT_DIR", work.resolve("extracted").toString()));
        command.environment().remove("WHARF_ADMIN_PASSWORD");
        Process wharf = command.start();
        try {
            awaitReady("http://localhost:" + port, work.resolve("console.log"));
            Path file = data.resolve("initial-admin-password");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String generated = Files.readString(file).strip();
            assertTrue(generated.length() >= 16, "a generated password");
            String console = Files.readString(work.resolve("console.log"));
            assertTrue(console.contains(file.toString()) && !console.contains(generated),
                    "the log names the file, never the password");
            pushAndPull("localhost:" + port, generated);
        } finally {
            wharf.destroy();
            wharf.waitFor(1, TimeUnit.MINUTES);
        }
    }

    private static void pushAndPull(String registry, String adminPassword) throws Exception {
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WharfServer.tokenBody("wharf", "admin", adminPassword))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, issued.statusCode(), issued.body());
        String token = issued.headers().firstValue("X-Subject-Token").orElseThrow();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/manage/namespaces"))
                .header("Content-Type", "application/json").header("X-Auth-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"namespace\": \"ops\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        Path work = Files.createTempDirectory("wharf-deploy-image");
        Path layout = ImageScanningIT.writeImage(work.resolve("image"));
        String image = "docker://" + registry + "/ops/app:1.0";
        String creds = "wharf/admin:" + adminPassword;
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", creds, "oci:" + layout + ":1.0", image).ok();
        Skopeo.run("copy", "--src-tls-verify=false", "--src-creds", creds, image, "oci:" + work.resolve("pulled") + ":1.0").ok();
        assertEquals(Skopeo.run("inspect", "--raw", "oci:" + layout + ":1.0").ok().output(),
                Skopeo.run("inspect", "--raw", "oci:" + work.resolve("pulled") + ":1.0").ok().output());
    }

    private static void awaitReady(String url, Path log) throws Exception {
        WharfServer.awaitReady(url, () -> {
            try {
                return Files.exists(log) ? Files.readString(log) : "no log";
            } catch (IOException e) {
                return "the log cannot be read: " + e.getMessage();
            }
        });
    }

    private static void run(Path wlp, String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = wlp.resolve("bin/server").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), output);
    }

    /** Unpacks the runtime zip as unzip would, keeping the scripts executable. */
    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().startsWith("wlp/bin/") || entry.getName().contains("/bin/tools/")) {
                    target.toFile().setExecutable(true);
                }
            }
        }
    }
}
