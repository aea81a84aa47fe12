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
    private java.util.function.LongFunction<String> accountOf = repositoryId -> "acct";

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
    public synchronized List<Due> claimDue(Instant now, Instant leaseUntil, int limit,
                                           java.util.function.ToIntFunction<String> room) {
        java.util.Map<String, Integer> taken = new java.util.HashMap<>();
        List<Due> claimed = new ArrayList<>();
        for (TriggerDelivery d : deliveries.stream()
                .filter(d -> TriggerDelivery.PENDING.equals(d.result()) && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(TriggerDelivery::nextAttemptAt)).toList()) {
            String account = accountOf.apply(byId(d.triggerId()).orElseThrow().repositoryId());
            if (claimed.size() < limit && taken.getOrDefault(account, 0) < room.applyAsInt(account)) {
                taken.merge(account, 1, Integer::sum);
                deliveries.set(deliveries.indexOf(d), with(d, d.id(), leaseUntil));
                claimed.add(new Due(d, account));
            }
        }
        return claimed;
    }

    /** Which account owns a repository (the JPA store joins the repository); one account unless a test says. */
    public synchronized void accounts(java.util.function.LongFunction<String> ofRepository) {
        this.accountOf = ofRepository;
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
