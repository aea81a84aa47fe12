package io.wharf.domain.account;

import java.util.UUID;

/** Identifiers in IAM's form: 32 lowercase hexadecimal characters. */
public final class Identifiers {
    private Identifiers() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
