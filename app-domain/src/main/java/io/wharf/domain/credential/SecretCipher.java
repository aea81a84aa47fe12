package io.wharf.domain.credential;

/** Encrypts secrets that must be read back (an SK, a remote registry's password) with a key from configuration. */
public interface SecretCipher {

    String encrypt(String plaintext);

    String decrypt(String ciphertext);
}
