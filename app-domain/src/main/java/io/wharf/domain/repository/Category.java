package io.wharf.domain.repository;

import io.wharf.domain.error.WharfException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an image repository holds, as the API names it ({@code app_server}, {@code linux}, ...). */
public enum Category {
    APP_SERVER, LINUX, FRAMEWORK_APP, DATABASE, LANG, OTHER, WINDOWS, ARM;

    public String apiName() {
        return name().toLowerCase();
    }

    public static Category of(String apiName) {
        return Arrays.stream(values()).filter(c -> c.apiName().equals(apiName)).findFirst()
                .orElseThrow(() -> WharfException.invalid("category", "Invalid category '" + apiName
                        + "': it must be one of " + Arrays.stream(values()).map(Category::apiName)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
