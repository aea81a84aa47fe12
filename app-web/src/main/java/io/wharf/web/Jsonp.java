package io.wharf.web;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider. {@code jakarta.json.Json}'s factory methods look the provider up through the class loader
 * on every call, which on Liberty scans the application's resources: under registry load that showed in profiles.
 */
public final class Jsonp {
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}
