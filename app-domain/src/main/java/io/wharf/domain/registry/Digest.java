package io.wharf.domain.registry;

import io.wharf.domain.error.WharfException;

import java.util.regex.Pattern;

/**
 * A content digest {@code <algorithm>:<hex>} as the OCI image specification defines it. Wharf computes and verifies
 * {@code sha256} and {@code sha512}; any other algorithm is refused as unsupported.
 */
public record Digest(String algorithm, String hex) {
    private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

    public Digest {
        boolean valid = ("sha256".equals(algorithm) && hex != null && SHA256.matcher(hex).matches())
                || ("sha512".equals(algorithm) && hex != null && SHA512.matcher(hex).matches());
        if (!valid) {
            throw WharfException.invalid("digest",
                    "A digest is sha256:<64 lowercase hex digits> or sha512:<128>: " + algorithm + ":" + hex);
        }
    }

    public static Digest parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw WharfException.invalid("digest", "Not a digest: " + text);
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Whether {@code text} looks like a digest rather than a tag (tags cannot contain a colon). */
    public static boolean looksLikeDigest(String text) {
        return text != null && text.indexOf(':') > 0;
    }

    /** The digest of {@code content} with {@code algorithm} ({@code sha256} or {@code sha512}). */
    public static Digest of(String algorithm, byte[] content) {
        String javaName = "sha512".equals(algorithm) ? "SHA-512" : "SHA-256";
        try {
            return new Digest("sha512".equals(algorithm) ? "sha512" : "sha256",
                    java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(javaName).digest(content)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JCA name of the algorithm. */
    public String javaAlgorithm() {
        return "sha256".equals(algorithm) ? "SHA-256" : "SHA-512";
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
