package io.wharf.web.application;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

/** A docker login: the user name and password a registry client is given, and when it stops working (null: never). */
public record LoginKey(String username, String password, java.time.Instant expiresAt) {
    /** How long a temporary login from {@code POST /v2/manage/utils/secret} works. */
    public static final Duration TEMPORARY_LIFETIME = Duration.ofHours(6);
    /** Keeps temporary login digests apart from API token digests in the same table. */
    static final String TEMPORARY_PREFIX = "docker-login:";

    /** The long-term login key of an access key pair, as the real service derives it: hex HMAC-SHA256(SK, AK). */
    public static String of(String accessKeyId, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessKeyId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "LoginKey[" + username + "]";
    }
}
