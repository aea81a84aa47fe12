package io.wharf.integration.crypto;

import io.wharf.domain.token.TokenSealer;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code base64url(payload).base64url(HMAC-SHA256(payload))} with a key derived from the configured secret key, so the
 * registry's bearer tokens need no database row and no second secret to configure.
 */
@ApplicationScoped
public class HmacTokenSealer implements TokenSealer {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public HmacTokenSealer() {
        this(AesGcmSecretCipher.configuredKey());
    }

    HmacTokenSealer(byte[] secret) {
        this.key = new SecretKeySpec(mac(new SecretKeySpec(secret, "HmacSHA256"),
                "wharf registry token".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    @Override
    public String seal(byte[] payload) {
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(key, payload));
    }

    @Override
    public Optional<byte[]> open(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac(key, payload)) ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
