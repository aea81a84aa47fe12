package io.wharf.web.fakes;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.trigger.Trigger;
import io.wharf.domain.trigger.TriggerDelivery;
import io.wharf.domain.trigger.Triggers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Triggers and deliveries in lists, as the JPA store keeps them. */
public final class InMemoryTriggers implements Triggers {
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<TriggerDelivery> deliveries = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized void add(Trigger t) {
        if (byName(t.repositoryId(), t.name()).isPresent()) {
            throw WharfException.exists(Subject.TRIGGER, "exists");
        }
        triggers.add(new Trigger(ids.incrementAndGet(), t.repositoryId(), t.name(), t.action(), t.appType(),
                t.application(), t.clusterId(), t.clusterName(), t.clusterNs(), t.condition(), t.container(), t.enabled(),
                t.triggerMode(), t.triggerType(), t.webhookUrl(), t.sealedSecret(), t.creatorName(), t.createdAt()));
    }

    @Override
    public synchronized Optional<Trigger> byName(long repositoryId, String name) {
        return triggers.stream().filter(t -> t.repositoryId() == repositoryId && t.name().equals(name)).findFirst();
    }

    @Override
    public synchronized Optional<Trigger> byId(long id) {
        return triggers.stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public synchronized List<Trigger> of(long repositoryId) {
        return triggers.stream().filter(t -> t.repositoryId() == repositoryId).toList();
    }

    @Override
    public synchronized void enable(long id, boolean enabled) {
        triggers.replaceAll(t -> t.id() != id ? t : new Trigger(t.id(), t.repositoryId(), t.name(), t.action(),
                t.appType(), t.application(), t.clusterId(), t.clusterName(), t.clusterNs(), t.condition(),
                t.container(), enabled, t.triggerMode(), t.triggerType(), t.webhookUrl(), t.sealedSecret(),
                t.creatorName(), t.createdAt()));
    }

    @Override
    public synchronized boolean remove(long repositoryId, String name) {
        Optional<Trigger> found = byName(repositoryId, name);
        found.ifPresent(t -> {
            triggers.remove(t);
            deliveries.removeIf(d -> d.triggerId() == t.id());
        });
        return found.isPresent();
    }

    @Override
    public synchronized void queue(TriggerDelivery d) {
        deliveries.add(with(d, ids.incrementAndGet(), d.nextAttemptAt()));
    }

    @Override
    public synchronized List<TriggerDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<TriggerDelivery> due = deliveries.stream()
                .filter(d -> TriggerDelivery.PENDING.equals(d.result()) && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(TriggerDelivery::nextAttemptAt)).limit(limit).toList();
        due.forEach(d -> deliveries.set(deliveries.indexOf(d), with(d, d.id(), leaseUntil)));
        return due;
    }

    @Override
    public synchronized void attempted(TriggerDelivery d) {
        deliveries.replaceAll(old -> old.id() == d.id() ? d : old);
    }

    @Override
    public synchronized List<TriggerDelivery> deliveries(long triggerId, int offset, int limit) {
        List<TriggerDelivery> mine = new ArrayList<>(deliveries.stream().filter(d -> d.triggerId() == triggerId).toList());
        mine.sort(Comparator.comparingLong(TriggerDelivery::id).reversed());
        return mine.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long countDeliveries(long triggerId) {
        return deliveries.stream().filter(d -> d.triggerId() == triggerId).count();
    }

    /** Makes a delivery due now, as if its backoff had passed. */
    public synchronized void makeDue() {
        deliveries.replaceAll(d -> with(d, d.id(), Instant.EPOCH));
    }

    private static TriggerDelivery with(TriggerDelivery d, long id, Instant next) {
        return new TriggerDelivery(id, d.triggerId(), d.tag(), d.digest(), d.pusher(), d.payload(), d.result(),
                d.attempts(), d.responseCode(), d.durationMillis(), d.detail(), d.createdAt(), next);
    }
}
