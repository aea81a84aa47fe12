package io.wharf.integration.storage;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract on a real S3 API: S3Proxy (Maven Central's {@code org.gaul:s3proxy}, copied to target/s3proxy by the
 * build) serving a temporary directory, started here as its own process. Each node is a new client of the bucket.
 */
class S3BlobStoreTest extends BlobStoreContract {
    private static Process s3proxy;
    private static URI endpoint;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        Path dir = Files.createTempDirectory("wharf-s3proxy");
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("s3proxy.conf");
        Files.writeString(config, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=wharf-test",
                "s3proxy.credential=wharf-test-secret",
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dir.resolve("data"), ""));
        s3proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath().toString(), "--properties", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !s3proxy.isAlive()) {
                    throw new IllegalStateException("S3Proxy did not start: " + Files.readString(dir.resolve("s3proxy.log")));
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stopS3Proxy() {
        s3proxy.destroy();
    }

    private static S3BlobStore store(boolean redirects) {
        return new S3BlobStore(new S3BlobStore.Config(endpoint, "us-east-1", "wharf-blobs", "registry/", "wharf-test",
                "wharf-test-secret", true, redirects));
    }

    @Override
    BlobStore node() {
        return store(false);
    }

    @Test
    void aBlobIsFetchedFromS3ByItsShortLivedPresignedUrl() throws Exception {
        BlobStore store = store(true);
        byte[] layer = random(200_000, 9);
        Digest digest = store.put(layer, "sha256");

        URI url = store.directUrl(digest, Duration.ofMinutes(5)).orElseThrow();
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, fetched.statusCode());
        assertArrayEquals(layer, fetched.body());
        assertTrue(url.getQuery().contains("X-Amz-Expires=300"), url.toString());
        assertTrue(node().directUrl(digest, Duration.ofMinutes(5)).isEmpty(), "redirects are the operator's choice");
    }
}
