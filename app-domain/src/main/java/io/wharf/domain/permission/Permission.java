package io.wharf.domain.permission;

import io.wharf.domain.error.WharfException;

import java.util.Arrays;

/** A right on an organization or repository, with the number the API calls {@code auth}. */
public enum Permission {
    READ(1), EDIT(3), MANAGE(7);

    private final int auth;

    Permission(int auth) {
        this.auth = auth;
    }

    public int auth() {
        return auth;
    }

    /** True when holding this right is enough for an action that needs {@code needed}. */
    public boolean includes(Permission needed) {
        return auth >= needed.auth;
    }

    public static Permission ofAuth(int auth) {
        return Arrays.stream(values()).filter(p -> p.auth == auth).findFirst()
                .orElseThrow(() -> WharfException.invalid("auth",
                        "Invalid auth " + auth + ": it must be 7 (manage), 3 (edit) or 1 (read)"));
    }
}
