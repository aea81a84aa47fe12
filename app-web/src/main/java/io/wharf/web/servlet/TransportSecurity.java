package io.wharf.web.servlet;

import io.wharf.domain.tls.TlsKeystores;
import io.wharf.domain.startup.ServerExit;
import io.wharf.web.application.PrivateFiles;
import io.wharf.web.application.WharfSettings;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTPS from the operator's PEM files ({@code WHARF_TLS_CERT}, {@code WHARF_TLS_KEY}, optional {@code WHARF_TLS_CHAIN}).
 * Liberty reads keystores, not PEM, and only from its configuration: at start Wharf checks the files, writes them as a
 * PKCS #12 keystore and writes the configuration that serves it ({@code <data dir>/tls/server-tls.xml}, which Wharf's
 * {@code server.xml} includes when it exists); Liberty applies it within a second, opening the HTTPS port (and, for
 * {@code WHARF_TLS=only}, closing the HTTP one). Both files are readable by the service user only. A renewed certificate
 * is picked up within a minute, without a restart. With {@code WHARF_TLS=off} the configuration is removed.
 */
@ApplicationScoped
public class TransportSecurity {
    private static final Logger LOG = Logger.getLogger(TransportSecurity.class.getName());

    @Inject
    WharfSettings settings;
    @Inject
    TlsKeystores keystores;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    private volatile String served = "";

    /** Right after the schema: before anything that hands out addresses, the mode and the files are known good. */
    void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) Startup started) throws IOException {
        Path directory = settings.dataDirectory().resolve("tls");
        try {
            if (settings.tls() == WharfSettings.Tls.OFF) {
                Files.deleteIfExists(directory.resolve("server-tls.xml"));
                return;
            }
            if (!ServerExit.ownServer()) {
                // Only Wharf's own server.xml includes the configuration written below: elsewhere HTTP would redirect
                // to a port nobody opened. Refused, rather than half-applied.
                throw new IllegalStateException("WHARF_TLS=" + settings.tls().name().toLowerCase(java.util.Locale.ROOT)
                        + " needs Wharf's own server (the packaged jar or the container). On your own Liberty, configure"
                        + " HTTPS in its server.xml, leave WHARF_TLS=off and set WHARF_EXTERNAL_URL=https://...");
            }
            apply(directory);
            warnOfAnotherPort();
        } catch (IllegalArgumentException | IllegalStateException | IOException refused) {
            throw ServerExit.startFailed("HTTPS cannot start: " + refused.getMessage());
        }
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                apply(directory);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "The TLS files changed but cannot serve; HTTPS keeps the certificate it has: "
                        + e.getMessage());
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Clients follow the external URL (redirects, the bearer realm): one naming another port than the one Wharf serves
     * HTTPS on is right only behind a port forward or proxy, so the log says so once at start.
     */
    private void warnOfAnotherPort() {
        java.net.URI external = java.net.URI.create(settings.externalUrl());
        int port = external.getPort() == -1 ? ("https".equals(external.getScheme()) ? 443 : 80) : external.getPort();
        if (port != settings.httpsPort()) {
            LOG.warning("WHARF_EXTERNAL_URL (" + settings.externalUrl() + ") sends clients to port " + port
                    + ", but Wharf serves HTTPS on " + settings.httpsPort() + " (WHARF_HTTPS_PORT): right only behind a"
                    + " port forward or proxy from " + port + "; otherwise name the port in WHARF_EXTERNAL_URL and"
                    + " WHARF_REGISTRY_ADDRESS.");
        }
    }

    /** Writes the keystore and its configuration when the PEM files differ from what is served. */
    synchronized void apply(Path directory) throws IOException {
        String fingerprint = fingerprint();
        if (fingerprint.equals(served)) {
            return;
        }
        char[] password = password();
        byte[] keystore = keystores.pkcs12(settings.tlsCertificate(), settings.tlsKey(), settings.tlsChain().orElse(null),
                password);
        Path p12 = directory.resolve("wharf.p12");
        PrivateFiles.write(p12, keystore);
        PrivateFiles.write(directory.resolve("server-tls.xml"), configuration(p12, new String(password), fingerprint)
                .getBytes(StandardCharsets.UTF_8));
        served = fingerprint;
        LOG.info(() -> "HTTPS on port " + settings.httpsPort() + " with the certificate of " + settings.tlsCertificate()
                + (settings.tls() == WharfSettings.Tls.ONLY ? "; HTTP closed" : "; HTTP redirects to HTTPS"));
    }

    /** Liberty's configuration for the keystore; the fingerprint changes the file, so Liberty reloads a renewed one. */
    private String configuration(Path p12, String password, String fingerprint) {
        String httpPort = settings.tls() == WharfSettings.Tls.ONLY ? " httpPort=\"-1\"" : "";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Written by Wharf from WHARF_TLS_CERT and WHARF_TLS_KEY (" + fingerprint + "); do not edit. -->\n"
                + "<server>\n"
                + "  <featureManager>\n    <feature>transportSecurity-1.0</feature>\n  </featureManager>\n"
                + "  <keyStore id=\"wharfKeyStore\" location=\"" + p12 + "\" type=\"PKCS12\" password=\"" + password + "\"/>\n"
                + "  <ssl id=\"defaultSSLConfig\" keyStoreRef=\"wharfKeyStore\" trustDefaultCerts=\"true\""
                + " sslProtocol=\"TLSv1.2,TLSv1.3\"/>\n"
                + "  <httpEndpoint id=\"defaultHttpEndpoint\" httpsPort=\"" + settings.httpsPort() + "\"" + httpPort + "/>\n"
                + "</server>\n";
    }

    /** The PEM files' content as one SHA-256: what is served is rewritten only when a file changed. */
    private String fingerprint() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : new Path[] {settings.tlsCertificate(), settings.tlsKey(), settings.tlsChain().orElse(null)}) {
                if (file != null && Files.isRegularFile(file)) {
                    sha.update(Files.readAllBytes(file));
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static char[] password() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }
}
