package io.wharf.web.query;

import io.wharf.domain.error.WharfException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code filter} parameter: {@code key::value} pairs joined by {@code |}. Each endpoint names the keys it
 * accepts; an unknown key, a pair without {@code ::}, an empty value or a repeated key is a 400, never ignored
 * (a typo must not silently return an unfiltered list).
 */
public final class SwrFilter {
    private final Map<String, String> values;

    private SwrFilter(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static SwrFilter parse(String raw, Set<String> acceptedKeys) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return new SwrFilter(values);
        }
        for (String pair : raw.split("\\|", -1)) {
            int separator = pair.indexOf("::");
            if (separator < 0) {
                throw invalid("'" + pair + "' is not of the form key::value");
            }
            String key = pair.substring(0, separator);
            String value = pair.substring(separator + 2);
            if (!acceptedKeys.contains(key)) {
                throw invalid("unknown key '" + key + "'; accepted keys: " + String.join(", ", acceptedKeys));
            }
            if (value.isEmpty()) {
                throw invalid("the key '" + key + "' has no value");
            }
            if (values.putIfAbsent(key, value) != null) {
                throw invalid("the key '" + key + "' is given more than once");
            }
        }
        return new SwrFilter(values);
    }

    private static WharfException invalid(String why) {
        return WharfException.invalid("filter", "Invalid filter: " + why + ".");
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The filter's value for a key, or else the separate query parameter of the same meaning; when both are given
     * they must agree.
     */
    public Optional<String> valueOr(String key, String parameter) {
        String separate = parameter == null || parameter.isEmpty() ? null : parameter;
        String filtered = values.get(key);
        if (filtered != null && separate != null && !filtered.equals(separate)) {
            throw invalid("'" + key + "' is given both as a parameter and in the filter, with different values");
        }
        return Optional.ofNullable(filtered != null ? filtered : separate);
    }
}
