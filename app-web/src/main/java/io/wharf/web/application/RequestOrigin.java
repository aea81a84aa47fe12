package io.wharf.web.application;

import java.util.Optional;

/**
 * The address the request being served came from, for the lines the log keeps about sign-ins (an operator
 * investigating a failed sign-in needs it). Set by the edge around every request; empty in background work.
 */
public final class RequestOrigin {
    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private RequestOrigin() {
    }

    public static void begin(String address) {
        ADDRESS.set(address);
    }

    public static void end() {
        ADDRESS.remove();
    }

    public static String address() {
        return Optional.ofNullable(ADDRESS.get()).orElse("(no request)");
    }
}
