package io.wharf.domain.credential;

import java.security.SecureRandom;
import java.time.Instant;

/** A user's access key: its public id (AK) and its secret key (SK), which is stored only encrypted. */
public record AccessKey(String accessKeyId, String userId, String encryptedSecret, String description, Instant createdAt) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String MIXED = UPPER + "abcdefghijklmnopqrstuvwxyz";

    /** A new AK in IAM's form: 20 uppercase letters and digits. */
    public static String newAccessKeyId() {
        return random(UPPER, 20);
    }

    /** A new SK in IAM's form: 40 letters and digits. */
    public static String newSecret() {
        return random(MIXED, 40);
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
