package io.wharf.web.query;

import io.wharf.domain.error.WharfException;
import io.wharf.web.application.PageRequest;

import java.util.Set;

/**
 * The paging and ordering parameters that SWR's lists share, given separately or inside {@code filter}:
 * {@code offset} with {@code limit} (only together; default 0 and 100, at most 1000) and {@code order_column} with
 * {@code order_type} ({@code asc} or {@code desc}; only together; the column one of the endpoint's).
 */
public record ListQuery(PageRequest page, String orderColumn, boolean descending) {
    public static final int DEFAULT_LIMIT = 100;
    public static final Set<String> KEYS = Set.of("offset", "limit", "order_column", "order_type");

    public static ListQuery of(SwrFilter filter, String offset, String limit, String orderColumn, String orderType,
                               Set<String> orderColumns, String defaultColumn,
                               boolean defaultDescending) {
        String offsetValue = filter.valueOr("offset", offset).orElse(null);
        String limitValue = filter.valueOr("limit", limit).orElse(null);
        if ((offsetValue == null) != (limitValue == null)) {
            throw WharfException.invalid("offset", "offset and limit must be given together.");
        }
        String column = filter.valueOr("order_column", orderColumn).orElse(null);
        String type = filter.valueOr("order_type", orderType).orElse(null);
        if ((column == null) != (type == null)) {
            throw WharfException.invalid("order_column", "order_column and order_type must be given together.");
        }
        if (column != null && !orderColumns.contains(column)) {
            throw WharfException.invalid("order_column",
                    "order_column must be one of " + String.join(", ", orderColumns.stream().sorted().toList()) + ".");
        }
        if (type != null && !type.equals("asc") && !type.equals("desc")) {
            throw WharfException.invalid("order_type", "order_type must be asc or desc.");
        }
        return new ListQuery(PageRequest.of(offsetValue, limitValue, DEFAULT_LIMIT),
                column == null ? defaultColumn : column, type == null ? defaultDescending : type.equals("desc"));
    }

    /** {@code Content-Range: <offset>-<last>/<total>} for a page of {@code size} items out of {@code total}. */
    public String contentRange(int size, long total) {
        int offset = page.offset();
        return offset + "-" + Math.max(offset, offset + size - 1) + "/" + total;
    }
}
