package io.wharf.domain.account;

/** A slow, salted one-way hash for passwords; the stored form names its own algorithm and parameters. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String storedHash);
}
