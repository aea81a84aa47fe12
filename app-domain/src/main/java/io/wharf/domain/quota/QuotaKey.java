package io.wharf.domain.quota;

import io.wharf.domain.error.WharfException;

import java.util.Arrays;
import java.util.Locale;

/** What a quota limits, with the {@code quota_key} and {@code unit} the reference's {@code ShowQuota} carries. */
public enum QuotaKey {
    NAMESPACE(""), REPOSITORY(""), STORAGE("MiB");

    private final String unit;

    QuotaKey(String unit) {
        this.unit = unit;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String unit() {
        return unit;
    }

    public static QuotaKey of(String key, String field) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst().orElseThrow(() ->
                WharfException.invalid(field, field + " must be namespace, repository or storage."));
    }
}
