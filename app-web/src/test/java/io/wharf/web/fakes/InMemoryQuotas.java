package io.wharf.web.fakes;

import io.wharf.domain.quota.QuotaKey;
import io.wharf.domain.quota.Quotas;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Limits in a map; use as the test sets it. */
public final class InMemoryQuotas implements Quotas {
    private final Map<String, Map<QuotaKey, Long>> limits = new HashMap<>();
    public final Map<QuotaKey, Long> used = new EnumMap<>(QuotaKey.class);
    public int locks;

    @Override
    public Map<QuotaKey, Long> limits(String accountId) {
        return Map.copyOf(limits.getOrDefault(accountId, Map.of()));
    }

    @Override
    public void setLimit(String accountId, QuotaKey key, Long limit) {
        Map<QuotaKey, Long> own = limits.computeIfAbsent(accountId, a -> new EnumMap<>(QuotaKey.class));
        if (limit == null) {
            own.remove(key);
        } else {
            own.put(key, limit);
        }
    }

    @Override
    public long used(String accountId, QuotaKey key) {
        return used.getOrDefault(key, 0L);
    }

    @Override
    public void lock(String accountId) {
        locks++;
    }
}
