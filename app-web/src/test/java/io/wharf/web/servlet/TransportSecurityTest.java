package io.wharf.web.servlet;

import io.wharf.web.application.WharfSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Liberty configuration Wharf writes for HTTPS: the port, HTTP closed or not, owner-only files, rewritten on renewal. */
class TransportSecurityTest {
    @TempDir
    Path dir;
    private WharfSettings.Tls mode = WharfSettings.Tls.ON;
    private final AtomicInteger keystoresMade = new AtomicInteger();

    private TransportSecurity security() throws IOException {
        Files.writeString(dir.resolve("cert.pem"), "certificate");
        Files.writeString(dir.resolve("key.pem"), "key");
        TransportSecurity security = new TransportSecurity();
        security.settings = new WharfSettings() {
            @Override
            public Tls tls() {
                return mode;
            }

            @Override
            public int httpsPort() {
                return 8443;
            }

            @Override
            public Path tlsCertificate() {
                return dir.resolve("cert.pem");
            }

            @Override
            public Path tlsKey() {
                return dir.resolve("key.pem");
            }

            @Override
            public Optional<Path> tlsChain() {
                return Optional.empty();
            }
        };
        security.keystores = (certificate, key, chain, password) -> {
            keystoresMade.incrementAndGet();
            return new byte[] {1, 2, 3};
        };
        return security;
    }

    @Test
    void withTlsOnHttpsOpensAndHttpStaysToRedirect() throws IOException {
        security().apply(dir.resolve("tls"));
        String config = Files.readString(dir.resolve("tls/server-tls.xml"));
        assertTrue(config.contains("<feature>transportSecurity-1.0</feature>"), config);
        assertTrue(config.contains("<httpEndpoint id=\"defaultHttpEndpoint\" httpsPort=\"8443\"/>"), config);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("tls/wharf.p12")));
        for (String file : new String[] {"wharf.p12", "server-tls.xml"}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls").resolve(file))));
        }
    }

    @Test
    void withTlsOnlyHttpIsClosed() throws IOException {
        mode = WharfSettings.Tls.ONLY;
        security().apply(dir.resolve("tls"));
        assertTrue(Files.readString(dir.resolve("tls/server-tls.xml")).contains("httpsPort=\"8443\" httpPort=\"-1\""));
    }

    @Test
    void unchangedFilesAreNotWrittenAgainAndARenewalIs() throws IOException {
        TransportSecurity security = security();
        security.apply(dir.resolve("tls"));
        String first = Files.readString(dir.resolve("tls/server-tls.xml"));
        security.apply(dir.resolve("tls"));
        assertEquals(1, keystoresMade.get(), "the same PEM files are served as they are");
        Files.writeString(dir.resolve("cert.pem"), "renewed certificate");
        security.apply(dir.resolve("tls"));
        assertEquals(2, keystoresMade.get());
        assertFalse(first.equals(Files.readString(dir.resolve("tls/server-tls.xml"))),
                "a renewal changes the configuration, so Liberty reloads the keystore");
    }
}
