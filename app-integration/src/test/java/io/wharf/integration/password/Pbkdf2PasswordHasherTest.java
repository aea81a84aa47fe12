package io.wharf.integration.password;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Pbkdf2PasswordHasherTest {
    private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(1_000);

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = hasher.hash("correct horse");
        assertTrue(hasher.matches("correct horse", stored));
        assertFalse(hasher.matches("correct horse ", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test
    void theSameWordHashesDifferentlyEachTimeAndNeverContainsThePassword() {
        String first = hasher.hash("same-password");
        assertNotEquals(first, hasher.hash("same-password"));
        assertFalse(first.contains("same-password"));
    }

    @Test
    void theStoredFormCarriesItsOwnCost() {
        String stored = new Pbkdf2PasswordHasher(2_000).hash("pw-123456");
        assertTrue(stored.startsWith("pbkdf2-sha256$2000$"));
        assertTrue(hasher.matches("pw-123456", stored));
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertFalse(hasher.matches("x", "plain-text"));
        assertFalse(hasher.matches("x", null));
    }
}
