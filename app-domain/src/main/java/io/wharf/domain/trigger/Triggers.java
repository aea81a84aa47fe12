package io.wharf.domain.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where triggers and their deliveries are kept. */
public interface Triggers {

    /** Stores a new trigger; fails as {@code exists} when the repository already has one of that name. */
    void add(Trigger trigger);

    Optional<Trigger> byName(long repositoryId, String name);

    Optional<Trigger> byId(long id);

    List<Trigger> of(long repositoryId);

    void enable(long id, boolean enabled);

    boolean remove(long repositoryId, String name);

    /** Queues a delivery (its id is given by the store). */
    void queue(TriggerDelivery delivery);

    /** A claimed delivery with the account whose repository's trigger it belongs to. */
    record Due(TriggerDelivery delivery, String accountId) {
    }

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now} for this server, so that no other claims them
     * for {@code lease}: their next attempt moves to {@code now + lease}. Of one account it claims at most
     * {@code room.applyAsInt(accountId)}, oldest due first, so one account's backlog never takes every slot.
     */
    List<Due> claimDue(Instant now, Instant leaseUntil, int limit, java.util.function.ToIntFunction<String> room);

    /** Records an attempt's outcome: its result, attempts, response code, duration, detail and next attempt time. */
    void attempted(TriggerDelivery delivery);

    /** The trigger's deliveries, newest first. */
    List<TriggerDelivery> deliveries(long triggerId, int offset, int limit);

    long countDeliveries(long triggerId);
}
