package io.wharf.web.console;

import java.util.List;

/**
 * A list's order as the URL keeps it ({@code sort=name}, {@code sort=-updated} for descending): one of the keys the
 * list offers, else its first, ascending. The pager and the column headers carry it on.
 */
public record Sorting(String key, boolean descending) {
    static Sorting of(ConsoleRequest console, List<String> keys) {
        String asked = console.param("sort");
        boolean descending = asked.startsWith("-");
        String key = descending ? asked.substring(1) : asked;
        return keys.contains(key) ? new Sorting(key, descending) : new Sorting(keys.get(0), false);
    }

    /** The parameter's value, as the templates compare it. */
    public String param() {
        return (descending ? "-" : "") + key;
    }
}
