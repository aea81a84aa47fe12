package io.wharf.integration.scan;

import io.wharf.domain.scan.Advisories;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feed zips as osv.dev publishes them: every advisory read, or nothing when the archive or a document is broken. */
class OsvImageScanningTest {
    private static final io.wharf.integration.registry.SyncNetworkPolicy LOOPBACK =
            new io.wharf.integration.registry.SyncNetworkPolicy("127.0.0.0/8");
    private final OsvImageScanning scanning = new OsvImageScanning();

    /** Saves the zip as an upload is saved and reads it, telling progress to {@code seen}. */
    private List<Advisories.Imported> read(byte[] zip, List<String> seen) throws IOException {
        java.nio.file.Path saved = scanning.saveFeed(new ByteArrayInputStream(zip));
        try {
            List<Advisories.Imported> read = new java.util.ArrayList<>();
            assertEquals(scanning.readFeed(saved, (done, total) -> seen.add(done + "/" + total), read::add), read.size());
            return read;
        } finally {
            java.nio.file.Files.deleteIfExists(saved);
        }
    }

    private static byte[] zip(String... namesAndDocuments) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndDocuments.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndDocuments[i]));
                zip.write(namesAndDocuments[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void everyAdvisoryOfTheZipIsReadWithItsDocument() throws IOException {
        byte[] feed = zip("DSA-1.json", "{\"id\":\"DSA-1\",\"affected\":[]}", "README.txt", "not json",
                "nested/GHSA-2.json", "{\"id\":\"GHSA-2\"}");
        List<String> progress = new java.util.ArrayList<>();
        List<Advisories.Imported> read = read(feed, progress);
        assertEquals(List.of("DSA-1", "GHSA-2"), read.stream().map(i -> i.advisory().id()).toList());
        assertEquals("{\"id\":\"GHSA-2\"}", read.get(1).document());
        assertEquals(List.of("0/3", "1/3", "2/3", "3/3"), progress, "every entry of the archive counts");
    }

    @Test
    void aTruncatedZipIsRefusedWhenSavedAndLeavesNoFile() throws IOException {
        byte[] feed = zip("DSA-1.json", "{\"id\":\"DSA-1\"}", "DSA-2.json", "{\"id\":\"DSA-2\"}");
        byte[] truncated = Arrays.copyOf(feed, feed.length - 30);
        java.nio.file.Path temp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var files = java.nio.file.Files.list(temp)) {
            before = files.filter(f -> f.getFileName().toString().startsWith("wharf-feed")).count();
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> scanning.saveFeed(new ByteArrayInputStream(truncated)));
        assertTrue(refused.getMessage().contains("zip"), refused.getMessage());
        try (var files = java.nio.file.Files.list(temp)) {
            assertEquals(before, files.filter(f -> f.getFileName().toString().startsWith("wharf-feed")).count());
        }
    }

    @Test
    void aDirectoryIsReadWithItsZipsAndDocuments(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("debian"));
        java.nio.file.Files.writeString(dir.resolve("debian/DSA-3.json"), "{\"id\":\"DSA-3\"}");
        java.nio.file.Files.write(dir.resolve("npm.zip"), zip("GHSA-4.json", "{\"id\":\"GHSA-4\"}"));
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "ignored");
        List<String> progress = new java.util.ArrayList<>();
        List<Advisories.Imported> read = new java.util.ArrayList<>();
        scanning.readFeed(dir, (done, total) -> progress.add(done + "/" + total), read::add);
        assertEquals(List.of("DSA-3", "GHSA-4"), read.stream().map(i -> i.advisory().id()).toList());
        assertEquals(List.of("1/2", "2/2"), progress, "each feed file of the directory counts");
    }

    @Test
    void aMirrorIsDownloadedAndAnErrorStatusRefused() throws Exception {
        byte[] feed = zip("DSA-5.json", "{\"id\":\"DSA-5\"}");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/all.zip", exchange -> {
            exchange.sendResponseHeaders(200, feed.length);
            exchange.getResponseBody().write(feed);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            java.nio.file.Path saved = scanning.downloadFeed(java.net.URI.create(base + "/all.zip"), LOOPBACK);
            List<Advisories.Imported> read = new java.util.ArrayList<>();
            scanning.readFeed(saved, io.wharf.domain.scan.FeedProgress.NONE, read::add);
            assertEquals("DSA-5", read.get(0).advisory().id());
            java.nio.file.Files.delete(saved);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> scanning.downloadFeed(java.net.URI.create(base + "/missing.zip"), LOOPBACK));
            assertTrue(refused.getMessage().contains("404"), refused.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMalformedDocumentIsRefusedByName() throws IOException {
        byte[] feed = zip("DSA-1.json", "{\"id\":\"DSA-1\"}", "broken.json", "{\"summary\":\"no id\"");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> read(feed, new java.util.ArrayList<>()));
        assertTrue(refused.getMessage().startsWith("broken.json"), refused.getMessage());
    }

    @Test
    void aRefusalSaysWhyInWharfsWordsNotTheParsers() throws IOException {
        byte[] feed = zip("array.json", "[1, 2]");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> read(feed, new java.util.ArrayList<>()));
        assertEquals("array.json is not a JSON object", refused.getMessage());
        byte[] cut = zip("cut.json", "{\"id\": \"X\",");
        String message = assertThrows(IllegalArgumentException.class, () -> read(cut, new java.util.ArrayList<>())).getMessage();
        assertTrue(message.startsWith("cut.json is not valid JSON"), message);
        assertFalse(message.contains("Json") || message.contains("START_"), message);
    }

    @Test
    void anEntryInflatingPastAnyAdvisoryIsRefusedWithoutReadingIt() throws IOException {
        // 17 MiB of spaces compress to a few kilobytes: a small zip, a large entry.
        byte[] feed = zip("bomb.json", "{\"id\":\"B\"," + " ".repeat(17 * 1024 * 1024) + "}");
        assertTrue(feed.length < 100_000);
        String message = assertThrows(IllegalArgumentException.class, () -> read(feed, new java.util.ArrayList<>())).getMessage();
        assertTrue(message.contains("bomb.json inflates to more than 16 MiB"), message);
    }

    @Test
    void aZipInflatingFarPastItsSizeIsRefused() throws IOException {
        // Forty documents of 15 MiB each are each allowed; together they are 600 MiB out of a 1 MiB zip.
        String big = "{\"id\":\"B\",\"details\":\"" + "a".repeat(15 * 1024 * 1024) + "\"}";
        String[] entries = new String[80];
        for (int i = 0; i < 40; i++) {
            entries[2 * i] = "B-" + i + ".json";
            entries[2 * i + 1] = big;
        }
        byte[] feed = zip(entries);
        List<Advisories.Imported> seen = new java.util.ArrayList<>();
        String message = assertThrows(IllegalArgumentException.class, () -> {
            java.nio.file.Path saved = scanning.saveFeed(new ByteArrayInputStream(feed));
            try {
                scanning.readFeed(saved, io.wharf.domain.scan.FeedProgress.NONE, seen::add);
            } finally {
                java.nio.file.Files.deleteIfExists(saved);
            }
        }).getMessage();
        assertTrue(message.contains("inflates to more than 100 times its size"), message);
        assertTrue(seen.size() < 10, "stopped early: " + seen.size());
    }

    @Test
    void aZipOfManyEntriesThatAreNotAdvisoriesIsRefused() throws IOException {
        String[] entries = new String[2 * (OsvImageScanning.MAX_OTHER_ENTRIES + 1)];
        for (int i = 0; i <= OsvImageScanning.MAX_OTHER_ENTRIES; i++) {
            entries[2 * i] = "tiny-" + i + ".txt";
            entries[2 * i + 1] = "";
        }
        String message = assertThrows(IllegalArgumentException.class, () -> read(zip(entries), new java.util.ArrayList<>()))
                .getMessage();
        assertTrue(message.contains("entries that are not advisories"), message);
    }

    /** A mirror on this machine that redirects /feed.zip to {@code location} and serves /real.zip. */
    private static com.sun.net.httpserver.HttpServer mirror(String location, byte[] zip) throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.zip", exchange -> {
            exchange.getResponseHeaders().add("Location", location.replace("PORT",
                    String.valueOf(server.getAddress().getPort())));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/real.zip", exchange -> {
            exchange.sendResponseHeaders(200, zip.length);
            exchange.getResponseBody().write(zip);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aFeedMirrorAndEveryRedirectGoThroughTheNetworkPolicy() throws Exception {
        byte[] feed = zip("A-1.json", "{\"id\":\"A-1\"}");
        var policy = new io.wharf.integration.registry.SyncNetworkPolicy("public,localhost");
        var toLoopback = mirror("http://127.0.0.1:PORT/real.zip", feed);
        var sameHost = mirror("http://localhost:PORT/real.zip", feed);
        try {
            String port = String.valueOf(toLoopback.getAddress().getPort());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> scanning.downloadFeed(
                    java.net.URI.create("http://localhost:" + port + "/feed.zip"), policy));
            assertTrue(refused.getMessage().contains("outside the networks"), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> scanning.downloadFeed(
                    java.net.URI.create("http://127.0.0.1:" + port + "/real.zip"),
                    new io.wharf.integration.registry.SyncNetworkPolicy(null)), "loopback is refused by default");
            java.nio.file.Path saved = scanning.downloadFeed(java.net.URI.create("http://localhost:"
                    + sameHost.getAddress().getPort() + "/feed.zip"), policy);
            try {
                assertEquals(feed.length, java.nio.file.Files.size(saved), "a redirect the policy allows is followed");
            } finally {
                java.nio.file.Files.deleteIfExists(saved);
            }
        } finally {
            toLoopback.stop(0);
            sameHost.stop(0);
        }
    }
}
