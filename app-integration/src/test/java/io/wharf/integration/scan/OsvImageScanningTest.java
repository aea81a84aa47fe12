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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feed zips as osv.dev publishes them: every advisory read, or nothing when the archive or a document is broken. */
class OsvImageScanningTest {
    private final OsvImageScanning scanning = new OsvImageScanning();

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
        List<Advisories.Imported> read = scanning.readFeed(new ByteArrayInputStream(feed));
        assertEquals(List.of("DSA-1", "GHSA-2"), read.stream().map(i -> i.advisory().id()).toList());
        assertEquals("{\"id\":\"GHSA-2\"}", read.get(1).document());
    }

    @Test
    void aTruncatedZipIsRefused() throws IOException {
        byte[] feed = zip("DSA-1.json", "{\"id\":\"DSA-1\"}", "DSA-2.json", "{\"id\":\"DSA-2\"}");
        byte[] truncated = Arrays.copyOf(feed, feed.length - 30);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> scanning.readFeed(new ByteArrayInputStream(truncated)));
        assertTrue(refused.getMessage().contains("zip"), refused.getMessage());
    }

    @Test
    void aDirectoryIsReadWithItsZipsAndDocuments(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("debian"));
        java.nio.file.Files.writeString(dir.resolve("debian/DSA-3.json"), "{\"id\":\"DSA-3\"}");
        java.nio.file.Files.write(dir.resolve("npm.zip"), zip("GHSA-4.json", "{\"id\":\"GHSA-4\"}"));
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "ignored");
        assertEquals(List.of("DSA-3", "GHSA-4"), scanning.readFeedDirectory(dir).stream().map(i -> i.advisory().id()).toList());
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
            assertEquals("DSA-5", scanning.readFeed(java.net.URI.create(base + "/all.zip")).get(0).advisory().id());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> scanning.readFeed(java.net.URI.create(base + "/missing.zip")));
            assertTrue(refused.getMessage().contains("404"), refused.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMalformedDocumentIsRefusedByName() throws IOException {
        byte[] feed = zip("DSA-1.json", "{\"id\":\"DSA-1\"}", "broken.json", "{\"summary\":\"no id\"");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> scanning.readFeed(new ByteArrayInputStream(feed)));
        assertTrue(refused.getMessage().startsWith("broken.json"), refused.getMessage());
    }
}
