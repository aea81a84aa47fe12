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
        // The server.xml `server create` wrote, edited as docs/operations.md says: its Java EE 8 jsp-2.3 becomes
        // Jakarta EE 11's pages-4.0 (one EE level per server), free ports, and the two includes.
        Path serverXml = server.resolve("server.xml");
        String created = Files.readString(serverXml);
        assertTrue(created.contains("<feature>jsp-2.3</feature>"), "Liberty's default server.xml, as this test expects it");
        Files.writeString(serverXml, created.replace("<feature>jsp-2.3</feature>", "<feature>pages-4.0</feature>")
                .replace("httpPort=\"9080\"", "host=\"*\" httpPort=\"" + port + "\"")
                .replace("httpsPort=\"9443\"", "httpsPort=\"" + ExtraServer.freePort() + "\"")
                .replace("</server>", "    <include location=\"wharf.xml\"/>\n    <include location=\"db-mariadb.xml\"/>\n</server>"));
        // Another application of the operator's beside Wharf: a page with a session.
        Files.createDirectories(server.resolve("dropins"));
        try (java.util.zip.ZipOutputStream war = new java.util.zip.ZipOutputStream(
                Files.newOutputStream(server.resolve("dropins/hello.war")))) {
            war.putNextEntry(new ZipEntry("index.jsp"));
            war.write("<%@ page session=\"true\" %>hello from the other application".getBytes());
            war.closeEntry();
        }
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
            assertTheOtherApplicationWorksAsItsOwn(port);
            HttpResponse<String> console = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/console/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(console.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("WHARF_SESSION=")
                    && c.contains("HttpOnly") && c.contains("SameSite=Strict")), console.headers().toString());
            run(wlp, "stop", "ops");

            // HTTPS Wharf cannot serve on this server (only its own server.xml includes what it writes) is refused,
            // and the operator's server and its other application stay up.
            Files.writeString(server.resolve("server.env"), "WHARF_TLS=on\nWHARF_TLS_CERT=/etc/nowhere.pem\n"
                    + "WHARF_TLS_KEY=/etc/nowhere.key\n", java.nio.file.StandardOpenOption.APPEND);
            run(wlp, "start", "ops");
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
            while (!Files.readString(server.resolve("logs/messages.log")).contains("Wharf cannot start: HTTPS cannot start:"
                    + " WHARF_TLS=on needs Wharf's own server")) {
                assertTrue(java.time.Instant.now().isBefore(deadline), Files.readString(server.resolve("logs/messages.log")));
                Thread.sleep(500);
            }
            assertTheOtherApplicationWorksAsItsOwn(port);
        } finally {
            run(wlp, "stop", "ops");
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "wharf", "wharf")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /** The operator's other application answers, with the server's session cookie (not Wharf's). */
    private static void assertTheOtherApplicationWorksAsItsOwn(int port) throws Exception {
        HttpResponse<String> hello = null;
        for (int attempt = 0; attempt < 60 && (hello == null || hello.statusCode() != 200); attempt++) {
            hello = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hello/index.jsp")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(hello.statusCode() == 200 ? 0 : 1000);
        }
        assertEquals(200, hello.statusCode(), hello.body());
        assertTrue(hello.body().contains("hello from the other application"), hello.body());
        assertTrue(hello.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")),
                "Wharf's cookie settings are Wharf's alone: " + hello.headers());
    }

    /**
     * Issue 28: the shipped unit run the way systemd runs it (this machine's PID 1 is not systemd): its Environment=
     * lines, ExecStartPre, ExecStart and ExecStartPost read from deploy/wharf.service, with its paths moved into a
     * temporary directory. Started, stopped by SIGTERM and started again three times, then upgraded to a jar of the same
     * tree carrying another release, which starts on the same data and says so. `systemctl start` returns when the
     * ExecStartPost readiness wait does; the unit's hardening is rated OK by systemd-analyze.
     */
    @Test
    void theShippedUnitStartsStopsStartsAgainAndUpgrades() throws Exception {
        Path deploy = Path.of(System.getProperty("wharf.it.config.dir"), "../../../../../deploy").normalize();
        java.util.List<String> unit = Files.readAllLines(deploy.resolve("wharf.service"));
        Path home = Files.createTempDirectory("wharf-unit-home");
        Path opt = Files.createDirectories(home.resolve("opt"));
        Files.copy(Path.of(System.getProperty("wharf.it.server.jar")), opt.resolve("wharf-server.jar"));
        int port = ExtraServer.freePort();
        Map<String, String> environment = new java.util.HashMap<>(Map.of("WHARF_HTTP_PORT", String.valueOf(port),
                "WHARF_DATA_DIR", home.resolve("data").toString(), "WHARF_ADMIN_PASSWORD", PASSWORD));
        for (String line : unit) {
            if (line.startsWith("Environment=")) {
                String setting = systemdPaths(line.substring("Environment=".length()), home, deploy);
                environment.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        assertEquals("-Xmx1g", environment.get("JVM_ARGS"), "the server JVM's heap is set where it takes effect");
        String pre = directive(unit, "ExecStartPre", home, deploy);
        String exec = directive(unit, "ExecStart", home, deploy);
        String post = directive(unit, "ExecStartPost", home, deploy);
        String release = io.wharf.domain.startup.Release.version();
        for (int start = 1; start <= 4; start++) {
            if (start == 4) {
                upgrade(opt.resolve("wharf-server.jar"), release + "-upgraded");
            }
            assertEquals(0, systemdRun(pre, environment, home, home.resolve("pre-" + start + ".log")).waitFor());
            Path console = home.resolve("console-" + start + ".log");
            Process wharf = systemdRun(exec, environment, home, console);
            try {
                Process ready = systemdRun(post, environment, home, home.resolve("post-" + start + ".log"));
                assertTrue(ready.waitFor(5, TimeUnit.MINUTES), "the readiness wait is bounded");
                assertEquals(0, ready.exitValue(), Files.readString(console));
                assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
                String expected = "Wharf " + (start == 4 ? release + "-upgraded" : release) + " is starting";
                assertTrue(Files.readString(home.resolve("logs/messages.log")).contains(expected), expected);
                String version = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(version.contains("\"wharf_release\":\"" + (start == 4 ? release + "-upgraded" : release)),
                        version);
            } finally {
                wharf.destroy();
                assertTrue(wharf.waitFor(2, TimeUnit.MINUTES), "stopped by SIGTERM, as systemd stops it");
            }
        }
        Process analyze = new ProcessBuilder("systemd-analyze", "security", "--offline=true",
                deploy.resolve("wharf.service").toString()).redirectErrorStream(true).start();
        String rating = new String(analyze.getInputStream().readAllBytes());
        assertTrue(analyze.waitFor(1, TimeUnit.MINUTES));
        assertTrue(rating.lines().anyMatch(l -> l.contains("Overall exposure level") && (l.contains(" OK") || l.contains(" SAFE"))),
                rating.lines().filter(l -> l.contains("Overall")).findFirst().orElse(rating));
    }

    /** The unit's paths moved into {@code home}: /var/lib/wharf, /opt/wharf (the jar there, the health script here). */
    private static String systemdPaths(String text, Path home, Path deploy) {
        return text.replace("/opt/wharf/wharf-health", deploy.resolve("wharf-health").toString())
                .replace("/opt/wharf", home.resolve("opt").toString()).replace("/var/lib/wharf", home.toString())
                .replace("/usr/bin/java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String directive(java.util.List<String> unit, String name, Path home, Path deploy) {
        return systemdPaths(unit.stream().filter(l -> l.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("the unit has no " + name)).substring(name.length() + 1), home, deploy);
    }

    /** A unit's command line (no quoting in Wharf's unit: split on spaces), in its working directory and environment. */
    private static Process systemdRun(String command, Map<String, String> environment, Path home, Path log)
            throws IOException {
        ProcessBuilder process = new ProcessBuilder(command.split(" ")).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().putAll(environment);
        return process.start();
    }

    /**
     * The packaged jar as a later release of the same tree: its WAR's release.properties (inside the domain jar) says
     * {@code version}. What an operator does to upgrade: copy the new jar over the old one and restart.
     */
    private static void upgrade(Path jar, String version) throws IOException {
        Path upgraded = jar.resolveSibling("upgraded.jar");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(jar));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(upgraded))) {
            rewrite(in, out, (name, bytes) -> name.endsWith("/wharf.war") ? nested(bytes, (inWar, warBytes) ->
                    inWar.matches("WEB-INF/lib/app-domain-.*\\.jar") ? nested(warBytes, (inDomain, properties) ->
                            inDomain.equals("io/wharf/domain/startup/release.properties")
                                    ? ("version=" + version + "\n").getBytes() : properties) : warBytes) : bytes);
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private interface Entries {
        byte[] apply(String name, byte[] bytes) throws IOException;
    }

    private static byte[] nested(byte[] archive, Entries change) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            rewrite(in, out, change);
        }
        return bytes.toByteArray();
    }

    private static void rewrite(java.util.zip.ZipInputStream in, java.util.zip.ZipOutputStream out, Entries change)
            throws IOException {
        for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
            ZipEntry copy = new ZipEntry(entry.getName());
            copy.setTime(entry.getTime());
            out.putNextEntry(copy);
            if (!entry.isDirectory()) {
                out.write(change.apply(entry.getName(), in.readAllBytes()));
            }
            out.closeEntry();
        }
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

        // A misspelt setting, which used to be ignored without a word.
        Process misspelt = packaged(home, "misspelt", Map.of("WHARF_SCAN_WORKRS", "2"));
        assertTrue(misspelt.waitFor(3, TimeUnit.MINUTES), "the server exits by itself");
        String said = Files.readString(home.resolve("misspelt.log"));
        assertEquals(3, misspelt.exitValue(), said);
        assertTrue(said.lines().anyMatch(line -> line.contains("Wharf cannot start: WHARF_SCAN_WORKRS is not a Wharf"
                + " setting (did you mean WHARF_SCAN_WORKERS?)")), said);
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
        ExtraServer.delete(home.resolve("server"));  // as the unit's ExecStartPre does
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
