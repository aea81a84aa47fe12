package io.wharf.integration.tls;

import io.wharf.domain.tls.TlsKeystores;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TLS identity from the PEM files operators get from their CA or from Let's Encrypt — a certificate (possibly with
 * its chain), an unencrypted private key (PKCS #8 {@code PRIVATE KEY} or PKCS #1 {@code RSA PRIVATE KEY}) and an
 * optional chain file — checked to belong together and written as the PKCS #12 keystore the application server reads.
 * Every refusal says which file and why, in words an operator can act on.
 */
@ApplicationScoped
public class PemKeyStore implements TlsKeystores {
    public static final String ALIAS = "wharf";
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");
    /** The DER prefix that wraps a PKCS #1 RSA key of a given length into PKCS #8 (rsaEncryption, no parameters). */
    private static final byte[] RSA_ALGORITHM = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
            (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    @Override
    public byte[] pkcs12(Path certificate, Path key, Path chain, char[] password) {
        return keystore(certificate, key, chain, password);
    }

    /** A PEM file that cannot serve: which setting's file, and why. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** The keystore for {@code certificate} + {@code key} (+ {@code chain}, may be null), protected by {@code password}. */
    public static byte[] keystore(Path certificate, Path key, Path chain, char[] password) {
        List<X509Certificate> certificates = new ArrayList<>(certificates("WHARF_TLS_CERT", certificate));
        if (chain != null) {
            certificates.addAll(certificates("WHARF_TLS_CHAIN", chain));
        }
        PrivateKey privateKey = privateKey(key);
        X509Certificate leaf = certificates.get(0);
        if (!belongTogether(privateKey, leaf)) {
            throw new Refused("WHARF_TLS_KEY (" + key + ") is not the private key of the certificate in WHARF_TLS_CERT ("
                    + certificate + ", " + leaf.getSubjectX500Principal().getName() + ").");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            try {
                store.setKeyEntry(ALIAS, privateKey, password, certificates.toArray(new Certificate[0]));
            } catch (java.security.KeyStoreException e) {
                throw new Refused("The certificates of WHARF_TLS_CERT" + (chain == null ? "" : " and WHARF_TLS_CHAIN")
                        + " do not form a chain (each must be issued by the next): " + e.getMessage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new Refused("The TLS keystore could not be written: " + e.getMessage());
        }
    }

    static List<X509Certificate> certificates(String setting, Path file) throws Refused {
        byte[] pem = read(setting, file);
        try (InputStream in = new ByteArrayInputStream(pem)) {
            List<X509Certificate> found = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                found.add((X509Certificate) c);
            }
            if (found.isEmpty()) {
                throw new Refused(setting + " (" + file + ") holds no certificate (-----BEGIN CERTIFICATE-----).");
            }
            return found;
        } catch (GeneralSecurityException | IOException e) {
            throw new Refused(setting + " (" + file + ") is not a PEM certificate: " + e.getMessage());
        }
    }

    static PrivateKey privateKey(Path file) throws Refused {
        String pem = new String(read("WHARF_TLS_KEY", file), StandardCharsets.US_ASCII);
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            String type = block.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(2));
            } catch (IllegalArgumentException e) {
                throw new Refused("WHARF_TLS_KEY (" + file + ") is damaged: its " + type + " block is not base64.");
            }
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(file, der);
                case "RSA PRIVATE KEY":
                    return pkcs8(file, rsaAsPkcs8(der));
                case "ENCRYPTED PRIVATE KEY":
                    throw new Refused("WHARF_TLS_KEY (" + file + ") is encrypted; give the key unencrypted, readable only by"
                            + " Wharf's service user (openssl pkcs8 -topk8 -nocrypt -in key.pem -out wharf-key.pem).");
                case "EC PRIVATE KEY":
                    throw new Refused("WHARF_TLS_KEY (" + file + ") is an EC key in the SEC 1 form; convert it to PKCS #8"
                            + " (openssl pkcs8 -topk8 -nocrypt -in key.pem -out wharf-key.pem).");
                default:
                    // Parameters and other blocks beside the key are skipped.
            }
        }
        throw new Refused("WHARF_TLS_KEY (" + file + ") holds no private key (-----BEGIN PRIVATE KEY-----).");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws Refused {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // Try the next algorithm.
            }
        }
        throw new Refused("WHARF_TLS_KEY (" + file + ") is not an RSA, EC or Ed25519 private key.");
    }

    /** PKCS #8 = SEQUENCE { version 0, AlgorithmIdentifier rsaEncryption, OCTET STRING { the PKCS #1 key } }. */
    static byte[] rsaAsPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    /** Whether the key signs what the certificate's public key verifies. */
    static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] probe = "wharf".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] read(String setting, Path file) throws Refused {
        if (!Files.isRegularFile(file)) {
            throw new Refused(setting + " names " + file + ", which is not a file.");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused(setting + " (" + file + ") cannot be read: " + e.getMessage());
        }
    }
}
