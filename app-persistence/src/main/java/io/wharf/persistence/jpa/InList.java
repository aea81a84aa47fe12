package io.wharf.persistence.jpa;

import jakarta.persistence.Query;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A JPQL {@code in} list written as single parameters ({@code (:ids0, :ids1, ...)}), padded to a power of two by
 * repeating the last value. Hibernate translates a query with a list-valued parameter again on every execution (it
 * never caches those translations; profiled: most of the time of reading a page of 100 tags by id); with single
 * parameters each list size up to the padding keeps one cached translation.
 */
final class InList {
    private InList() {
    }

    /** {@code (:name0, ..., :nameN)} for {@code size} values (at least one). */
    static String of(String name, int size) {
        return IntStream.range(0, padded(size)).mapToObj(i -> ":" + name + i)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Binds the values written by {@link #of} with the same name and size. */
    static <Q extends Query> Q bind(Q query, String name, Collection<?> values) {
        List<?> list = List.copyOf(values);
        for (int i = 0; i < padded(list.size()); i++) {
            query.setParameter(name + i, list.get(Math.min(i, list.size() - 1)));
        }
        return query;
    }

    private static int padded(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an in list needs at least one value");
        }
        return size == 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
    }
}
