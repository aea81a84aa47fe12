package io.wharf.domain.account;

import io.wharf.domain.error.WharfException;

/** A new password as chosen by a person: 8 to 128 characters. Never printed by {@link #toString()}. */
public final class Password {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    private final String value;

    public Password(String value) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw WharfException.invalid("password",
                    "Invalid password: it must contain " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        this.value = value;
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Password[******]";
    }
}
