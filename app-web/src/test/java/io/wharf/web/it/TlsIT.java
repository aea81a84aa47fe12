package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS from PEM files: a CA and a server certificate made by openssl, a Wharf started with them, and skopeo pushing and
 * pulling with the certificate verified against that CA (no {@code --tls-verify=false}); plain HTTP redirects, answers
 * carry HSTS, the session cookie is Secure and the registry's challenge names the HTTPS address.
 */
class TlsIT {
    private static final String PASSWORD = "tls-Admin-Secret-1";
    private static ExtraServer server;
    private static Path certs;
    private static int httpsPort;
    private static String https;
    private static HttpClient client;

    @BeforeAll
    static void startWharfWithACertificateFromItsOwnCa() throws Exception {
        Path dir = Files.createTempDirectory("wharf-tls-it");
        certs = Files.createDirectories(dir.resolve("certs"));
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "certs/ca.crt", "-days", "2",
                "-subj", "/CN=Wharf Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                + "extendedKeyUsage=serverAuth\n");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "certs/ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "server.ext");

        httpsPort = ExtraServer.freePort();
        https = "https://localhost:" + httpsPort;
        server = new ExtraServer("wharf-tls", Map.of("WHARF_ADMIN_PASSWORD", PASSWORD, "WHARF_TLS", "on",
                "WHARF_HTTPS_PORT", String.valueOf(httpsPort), "WHARF_TLS_CERT", dir.resolve("server.crt").toString(),
                "WHARF_TLS_KEY", dir.resolve("server.key").toString()));
        client = HttpClient.newBuilder().sslContext(trusting(certs.resolve("ca.crt"))).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        server.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                if (send("GET", "/health/ready", null, null).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("HTTPS did not open: " + Files.readString(server.log()), notYet);
                }
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static void openssl(Path dir, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0, output);
    }

    private static SSLContext trusting(Path ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(https + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token() throws Exception {
        HttpResponse<String> issued = send("POST", "/v3/auth/tokens", null, WharfServer.tokenBody("wharf", "admin", PASSWORD));
        assertEquals(201, issued.statusCode(), issued.body());
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    @Test
    void skopeoPushesAndPullsOverHttpsVerifyingTheCertificate() throws Exception {
        assertEquals(201, send("POST", "/v2/manage/namespaces", token(), "{\"namespace\": \"secure\"}").statusCode());
        Path work = Files.createTempDirectory("wharf-tls-image");
        Path layout = ImageScanningIT.writeImage(work.resolve("image"));
        String image = "docker://localhost:" + httpsPort + "/secure/app:1.0";
        String creds = "wharf/admin:" + PASSWORD;
        Skopeo.run("copy", "--dest-cert-dir", certs.toString(), "--dest-creds", creds, "oci:" + layout + ":1.0", image).ok();
        Skopeo.run("copy", "--src-cert-dir", certs.toString(), "--src-creds", creds, image,
                "oci:" + work.resolve("pulled") + ":1.0").ok();
        String pushed = Skopeo.run("inspect", "--raw", "oci:" + layout + ":1.0").ok().output();
        String pulled = Skopeo.run("inspect", "--raw", "oci:" + work.resolve("pulled") + ":1.0").ok().output();
        assertEquals(pushed, pulled, "the manifest comes back byte for byte");

        Skopeo.Result untrusted = Skopeo.run("inspect", "--creds", creds, image);
        assertTrue(untrusted.exitCode() != 0 && untrusted.output().contains("certificate"),
                "without the CA the certificate is not trusted: " + untrusted.output());
    }

    @Test
    void plainHttpIsRedirectedToTheHttpsAddressAndAnswersCarryHsts() throws Exception {
        String redirected;
        try (java.net.Socket socket = new java.net.Socket("localhost", server.httpPort)) {
            socket.getOutputStream().write(("GET /v2/_catalog?n=5 HTTP/1.1\r\nHost: evil.example.com\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            redirected = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        assertTrue(redirected.startsWith("HTTP/1.1 308"), redirected);
        assertTrue(redirected.contains("\r\nLocation: " + https + "/v2/_catalog?n=5\r\n"),
                "to the configured address, not the Host header's: " + redirected);
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertEquals(200, plain.send(HttpRequest.newBuilder(URI.create(server.url + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "load balancers check health over HTTP");

        HttpResponse<String> challenge = send("GET", "/v2/", null, null);
        assertEquals(401, challenge.statusCode());
        assertEquals("max-age=31536000", challenge.headers().firstValue("Strict-Transport-Security").orElseThrow());
        assertTrue(challenge.headers().firstValue("WWW-Authenticate").orElseThrow()
                .startsWith("Bearer realm=\"" + https + "/v2/token\""), challenge.headers().toString());
    }

    @Test
    void theConsoleSessionCookieIsSecure() throws Exception {
        HttpResponse<String> login = send("GET", "/console/login", null, null);
        assertEquals(200, login.statusCode());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("WHARF_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError(login.headers().toString()));
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }
}
