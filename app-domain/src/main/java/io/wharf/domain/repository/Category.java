package io.wharf.domain.repository;

import io.wharf.domain.error.WharfException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What an image repository holds, as the API names it ({@code app_server}, {@code linux}, ...). */
public enum Category {
    APP_SERVER, LINUX, FRAMEWORK_APP, DATABASE, LANG, OTHER, WINDOWS, ARM;

    // Named once: every repository read names its category (a page of 100 shared repositories spent a tenth of its
    // time lower-casing and searching these names).
    private static final Map<String, Category> BY_API_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Category::apiName, c -> c));
    private final String apiName = name().toLowerCase(Locale.ROOT);

    public String apiName() {
        return apiName;
    }

    public static Category of(String apiName) {
        Category found = apiName == null ? null : BY_API_NAME.get(apiName);
        if (found == null) {
            throw WharfException.invalid("category", "Invalid category '" + apiName + "': it must be one of "
                    + Arrays.stream(values()).map(Category::apiName).collect(Collectors.joining(", ")) + ".");
        }
        return found;
    }
}
