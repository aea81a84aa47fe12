package io.wharf.integration.crypto;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AesGcmSecretCipherTest {
    private final byte[] key = new byte[32];
    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(key);

    @Test
    void aSecretComesBackAndIsNeverStoredTheSameWayTwice() {
        String sealed = cipher.encrypt("my-secret-key");
        assertEquals("my-secret-key", cipher.decrypt(sealed));
        assertNotEquals(sealed, cipher.encrypt("my-secret-key"));
        assertFalse(sealed.contains("my-secret-key"));
    }

    @Test
    void anotherKeyOrATamperedTextCannotOpenIt() {
        String sealed = cipher.encrypt("my-secret-key");
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 1);
        assertThrows(IllegalStateException.class, () -> new AesGcmSecretCipher(other).decrypt(sealed));
        // Flip one bit of the sealed bytes (editing the base64 text could touch only its unused padding bits).
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring("v1:".length()));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);
        assertThrows(RuntimeException.class, () -> cipher.decrypt(tampered));
        assertThrows(IllegalStateException.class, () -> new AesGcmSecretCipher(new byte[16]));
    }
}
