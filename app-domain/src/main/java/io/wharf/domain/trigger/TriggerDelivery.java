package io.wharf.domain.trigger;

import java.time.Duration;
import java.time.Instant;

/**
 * One event sent (or to be sent) to a trigger's webhook: the pushed tag and digest, the JSON body, and how its
 * attempts went — {@code pending} until one succeeds ({@code success}) or the last fails ({@code failed}), the last
 * response code (0: no response) and duration, and why.
 */
public record TriggerDelivery(long id, long triggerId, String tag, String digest, String pusher, String payload,
                              String result, int attempts, int responseCode, long durationMillis, String detail,
                              Instant createdAt, Instant nextAttemptAt) {
    public static final String PENDING = "pending";
    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";
    /** Attempts before a delivery is given up: the first and three retries. */
    public static final int MAX_ATTEMPTS = 4;

    /** When the attempt after {@code attempts} failed ones is due: backoff ×3 from {@code base}. */
    public static Instant retryAt(Instant now, int attempts, Duration base) {
        return now.plus(base.multipliedBy((long) Math.pow(3, attempts - 1)));
    }
}
