package io.wharf.web.application;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every push would otherwise read from the database (an account's quota limits, a repository's triggers and
 * automatic syncs), remembered for a few seconds. A change made on this server forgets its entry at once; one made on
 * another server of a cluster is seen within {@link #TTL}.
 */
final class ShortCache<K, V> {
    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long until) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.until() < 0) {
            return entry.value();
        }
        V value = load.apply(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + TTL.toNanos()));
        return value;
    }

    void forget(K key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }
}
