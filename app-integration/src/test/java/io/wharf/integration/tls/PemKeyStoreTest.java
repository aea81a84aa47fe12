package io.wharf.integration.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PEM files as operators have them, turned into the keystore Liberty reads, or refused with a reason. */
class PemKeyStoreTest {
    private static final char[] PASSWORD = "store-pass".toCharArray();

    @TempDir
    Path dir;

    /** A key pair and self-signed certificate made by the JDK's keytool, written out as PEM files. */
    private record Identity(Path certificate, Path key, X509Certificate cert, PrivateKey privateKey) {
    }

    private byte[] keytool(String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(java.util.List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor(), new String(out, StandardCharsets.UTF_8));
        return out;
    }

    private Identity identity(String name, String algorithm) throws Exception {
        Path p12 = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", algorithm, "-dname", "CN=" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "secret", "-keypass", "secret");
        return read(name, p12);
    }

    /** A server identity whose certificate a CA of its own signed (the CA's certificate written to ca.crt). */
    private Identity signed() throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("signed.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-dname", "CN=Test CA", "-ext", "bc:c", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ca.toString(), "-storepass", "secret");
        keytool("-genkeypair", "-alias", "signed", "-keyalg", "RSA", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", server.toString(), "-storepass", "secret");
        Files.write(dir.resolve("signed.csr"), keytool("-certreq", "-alias", "signed", "-keystore", server.toString(),
                "-storepass", "secret"));
        Files.write(dir.resolve("signed.pem"), keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(),
                "-storepass", "secret", "-infile", dir.resolve("signed.csr").toString(), "-rfc", "-validity", "2"));
        Files.write(dir.resolve("ca.crt"), keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(),
                "-storepass", "secret", "-rfc"));
        Identity identity = read("signed", server);
        Files.copy(dir.resolve("signed.pem"), identity.certificate(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return identity;
    }

    private Identity read(String name, Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            store.load(in, "secret".toCharArray());
        }
        X509Certificate cert = (X509Certificate) store.getCertificate(name);
        PrivateKey key = (PrivateKey) store.getKey(name, "secret".toCharArray());
        Path certificate = dir.resolve(name + ".crt");
        Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()));
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        return new Identity(certificate, keyFile, cert, key);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyStore load(byte[] p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), PASSWORD);
        return store;
    }

    @Test
    void aCertificateAndItsPkcs8KeyBecomeTheServersKeystoreWithTheChain() throws Exception {
        Identity server = signed();
        KeyStore store = load(PemKeyStore.keystore(server.certificate(), server.key(), dir.resolve("ca.crt"), PASSWORD));
        assertEquals("CN=localhost", ((X509Certificate) store.getCertificate(PemKeyStore.ALIAS)).getSubjectX500Principal().getName());
        assertArrayEquals(server.privateKey().getEncoded(), store.getKey(PemKeyStore.ALIAS, PASSWORD).getEncoded());
        assertEquals(2, store.getCertificateChain(PemKeyStore.ALIAS).length, "the certificate, then the chain file's");

        Identity stranger = identity("stranger", "RSA");
        assertTrue(assertThrows(PemKeyStore.Refused.class, () -> PemKeyStore.keystore(server.certificate(), server.key(),
                stranger.certificate(), PASSWORD)).getMessage().contains("do not form a chain"));
    }

    @Test
    void anRsaKeyInThePkcs1FormIsRead() throws Exception {
        Identity server = identity("legacy", "RSA");
        byte[] pkcs8 = server.privateKey().getEncoded();
        // PKCS #8 wraps the PKCS #1 key in an OCTET STRING after a 22-byte header for a 2048-bit key.
        assertEquals(0x04, pkcs8[22]);
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        Files.writeString(server.key(), pem("RSA PRIVATE KEY", pkcs1));
        KeyStore store = load(PemKeyStore.keystore(server.certificate(), server.key(), null, PASSWORD));
        assertArrayEquals(pkcs8, store.getKey(PemKeyStore.ALIAS, PASSWORD).getEncoded());
    }

    @Test
    void anEcKeyIsRead() throws Exception {
        Identity server = identity("ec", "EC");
        KeyStore store = load(PemKeyStore.keystore(server.certificate(), server.key(), null, PASSWORD));
        assertEquals("EC", store.getKey(PemKeyStore.ALIAS, PASSWORD).getAlgorithm());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedNamingBothFiles() throws Exception {
        Identity server = identity("server", "RSA");
        Identity other = identity("other", "RSA");
        PemKeyStore.Refused refused = assertThrows(PemKeyStore.Refused.class,
                () -> PemKeyStore.keystore(server.certificate(), other.key(), null, PASSWORD));
        assertTrue(refused.getMessage().startsWith("WHARF_TLS_KEY (" + other.key() + ") is not the private key of the"
                + " certificate in WHARF_TLS_CERT (" + server.certificate()), refused.getMessage());
    }

    @Test
    void filesThatCannotServeAreRefusedWithWhatToDo() throws Exception {
        Identity server = identity("server", "RSA");
        Path encrypted = dir.resolve("encrypted.key");
        Files.writeString(encrypted, pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
        assertTrue(assertThrows(PemKeyStore.Refused.class, () -> PemKeyStore.keystore(server.certificate(), encrypted, null,
                PASSWORD)).getMessage().contains("is encrypted"));
        Path missing = dir.resolve("missing.crt");
        assertEquals("WHARF_TLS_CERT names " + missing + ", which is not a file.", assertThrows(PemKeyStore.Refused.class,
                () -> PemKeyStore.keystore(missing, server.key(), null, PASSWORD)).getMessage());
        Path notPem = dir.resolve("not.crt");
        Files.writeString(notPem, "hello");
        assertTrue(assertThrows(PemKeyStore.Refused.class, () -> PemKeyStore.keystore(notPem, server.key(), null, PASSWORD))
                .getMessage().startsWith("WHARF_TLS_CERT (" + notPem + ")"));
    }

    @Test
    void derLengthsOfEveryFormAreWritten() throws IOException {
        byte[] big = new byte[300];
        byte[] wrapped = PemKeyStore.rsaAsPkcs8(big);
        assertEquals(0x30, wrapped[0]);
        assertEquals((byte) 0x82, wrapped[1]);
        assertEquals(wrapped.length - 4, ((wrapped[2] & 0xff) << 8) | (wrapped[3] & 0xff));
    }
}
