package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.trigger.Trigger;
import io.wharf.domain.trigger.TriggerDelivery;
import io.wharf.domain.trigger.Triggers;
import io.wharf.domain.trigger.WebhookSender;
import io.wharf.web.Jsonp;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Triggers: a repository's managers (7) set them, its readers see them and their deliveries. A push of a tag a trigger
 * matches queues a delivery in the push's wake (one insert; nothing is sent on the request's thread); a poller sends
 * due deliveries on the managed executor, at most {@link #SLOTS} at a time, so a receiver that hangs holds one slot
 * for the sender's timeout, never a request thread. A failed attempt is retried with backoff
 * ({@code WHARF_WEBHOOK_RETRY_SECONDS}, default 10, ×3 each time) up to {@link TriggerDelivery#MAX_ATTEMPTS}.
 */
@ApplicationScoped
public class TriggerService {
    private static final Logger LOG = Logger.getLogger(TriggerService.class.getName());
    static final int SLOTS = 4;
    /** Deliveries one account may have in flight on a server: half the slots. */
    static final int PER_ACCOUNT = SLOTS / 2;
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** How many deliveries a trigger shows in its {@code trigger_history}; the deliveries list pages through all. */
    public static final int HISTORY = 20;

    @Inject
    Triggers triggers;
    @Inject
    RepositoryAccess access;
    @Inject
    SecretCipher cipher;
    @Inject
    WebhookSender sender;
    @Inject
    WharfSettings settings;
    @Inject
    TriggerService self;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;
    /** The periodic tasks this bean started, cancelled when the application stops. */
    private final java.util.List<java.util.concurrent.ScheduledFuture<?>> scheduled =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final WorkSlots slots = new WorkSlots(SLOTS);
    /** Deliveries of each account being sent by this server now. */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each repository's triggers, as every push of it asks for them. */
    private final ShortCache<Long, List<Trigger>> byRepository = new ShortCache<>();
    private Duration retryBase = Duration.ofSeconds(10);

    /** A trigger with its latest deliveries. */
    public record TriggerView(Trigger trigger, List<TriggerDelivery> history) {
    }

    /** Absent in tests over in-memory ports that do not exercise it. */
    @Inject
    io.wharf.domain.sync.OutboundPolicy outbound;

    protected TriggerService() {
    }

    /** For tests over in-memory ports: deliveries run on {@code executor}, its own proxy is itself. */
    TriggerService(Triggers triggers, RepositoryAccess access, SecretCipher cipher, WebhookSender sender,
                   ExecutorService executor, Duration retryBase) {
        this.triggers = triggers;
        this.access = access;
        this.cipher = cipher;
        this.sender = sender;
        this.executor = executor;
        this.retryBase = retryBase;
        this.self = this;
    }

    /**
     * At startup, after a restore has put the backup's secret key in place (instantiating this bean's cipher earlier
     * would create a key of its own).
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 40) Startup started) {
        retryBase = Duration.ofSeconds(Long.parseLong(WharfSettings.value("WHARF_WEBHOOK_RETRY_SECONDS").orElse("10")));
        scheduled.add(scheduler.scheduleWithFixedDelay(this::deliverDue, 1, 1, TimeUnit.SECONDS));
    }

    @UseCase
    public Trigger create(Caller caller, String namespace, String repository, Trigger.Draft draft) {
        ImageRepository found = manage(caller, namespace, repository);
        Trigger.Draft ok = draft.check();
        if (triggers.of(found.id()).size() >= Trigger.MAX_PER_REPOSITORY) {
            throw WharfException.limitReached(Subject.TRIGGER, "A repository holds at most " + Trigger.MAX_PER_REPOSITORY
                    + " triggers; one trigger's condition can match many tags.");
        }
        if (outbound != null && ok.webhookUrl() != null && !ok.webhookUrl().isEmpty()) {
            outbound.requireReachable("webhook_url", ok.webhookUrl());
        }
        Trigger trigger = new Trigger(0, found.id(), ok.name(), ok.action(), ok.appType(), ok.application(),
                ok.clusterId(), ok.clusterName(), ok.clusterNs(), ok.condition(), ok.container(),
                Boolean.parseBoolean(ok.enable()), ok.triggerMode(), ok.triggerType(), ok.webhookUrl(),
                cipher.encrypt(ok.webhookSecret()), caller.userName(), now());
        triggers.add(trigger);
        byRepository.forget(found.id());
        return trigger;
    }

    @UseCase
    public List<TriggerView> list(Caller caller, String namespace, String repository) {
        RepositoryAccess.Located located = access.locate(caller, namespace, repository);
        return triggers.of(located.repository().id()).stream().map(t -> view(located, t)).toList();
    }

    @UseCase
    public TriggerView show(Caller caller, String namespace, String repository, String name) {
        RepositoryAccess.Located located = access.locate(caller, namespace, repository);
        return view(located, trigger(located.repository(), name));
    }

    /** The reference's update: only {@code enable} changes. */
    @UseCase
    public void update(Caller caller, String namespace, String repository, String name, String enable) {
        if (!"true".equals(enable) && !"false".equals(enable)) {
            throw WharfException.invalid("enable", "enable must be \"true\" or \"false\".");
        }
        ImageRepository found = manage(caller, namespace, repository);
        triggers.enable(trigger(found, name).id(), Boolean.parseBoolean(enable));
        byRepository.forget(found.id());
    }

    @UseCase
    public void delete(Caller caller, String namespace, String repository, String name) {
        ImageRepository found = manage(caller, namespace, repository);
        byRepository.forget(found.id());
        if (!triggers.remove(found.id(), name)) {
            throw notFound(name);
        }
    }

    /** A page of a trigger's deliveries, with the trigger they belong to. */
    public record Deliveries(Trigger trigger, Page<TriggerDelivery> page) {
    }

    @UseCase
    public Deliveries deliveries(Caller caller, String namespace, String repository, String name, PageRequest page) {
        RepositoryAccess.Located located = access.locate(caller, namespace, repository);
        Trigger trigger = shownTo(located, trigger(located.repository(), name));
        return new Deliveries(trigger, new Page<>(triggers.deliveries(trigger.id(), page.offset(), page.limit()),
                triggers.countDeliveries(trigger.id())));
    }

    /** After a push of a tag: queues an event for each enabled trigger that matches, then wakes the sender. */
    public void pushed(Caller caller, RegistryPath path, String tag, StoredManifest manifest) {
        if (tag != null && byRepository.get(manifest.repositoryId(), id -> self.triggersOf(id)).stream()
                .anyMatch(t -> t.fires(tag)) && self.queue(caller, path, tag, manifest) > 0) {
            wake();
        }
    }

    @UseCase
    public List<Trigger> triggersOf(long repositoryId) {
        return triggers.of(repositoryId);
    }

    @UseCase
    public int queue(Caller caller, RegistryPath path, String tag, StoredManifest manifest) {
        int queued = 0;
        Instant now = now();
        for (Trigger trigger : triggers.of(manifest.repositoryId())) {
            if (trigger.fires(tag)) {
                triggers.queue(new TriggerDelivery(0, trigger.id(), tag, manifest.digest(), caller.userName(),
                        event(trigger, caller, path, tag, manifest, now), TriggerDelivery.PENDING, 0, 0, 0, "", now, now));
                queued++;
            }
        }
        return queued;
    }

    /** Sends what is due, as many as there are free slots; each attempt is recorded when it ends. */
    void deliverDue() {
        try {
            slots.start(limit -> {
                // Counted once the claim has committed, before the sends start, so the next claim sees them.
                List<Delivery> claimed = self.claim(limit);
                claimed.forEach(d -> inFlight.merge(d.accountId(), 1, Integer::sum));
                return claimed;
            }, executor, this::send);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the webhook deliveries due", e);
        }
    }

    /** Sends what was queued now, on the scheduler's thread rather than the push's (tests have no scheduler). */
    private void wake() {
        if (scheduler != null) {
            scheduler.execute(this::deliverDue);
        } else {
            deliverDue();
        }
    }

    /** A claimed delivery with its trigger's target, the key unsealed only for the attempt. */
    record Delivery(TriggerDelivery delivery, String accountId, String url, String secret) {
    }

    /**
     * Claims what is due, at most {@link #PER_ACCOUNT} in flight per account on this server: one account's slow
     * receivers hold half the slots at most, and another account's event goes out at once.
     */
    @UseCase
    public List<Delivery> claim(int limit) {
        Instant now = now();
        return triggers.claimDue(now, now.plus(LEASE), limit, account -> PER_ACCOUNT - inFlight.getOrDefault(account, 0))
                .stream().map(due -> {
                    Trigger trigger = triggers.byId(due.delivery().triggerId()).orElseThrow();
                    return new Delivery(due.delivery(), due.accountId(), trigger.webhookUrl(),
                            cipher.decrypt(trigger.sealedSecret()));
                }).toList();
    }

    private void send(Delivery claimed) {
        try {
            attempt(claimed);
        } finally {
            inFlight.computeIfPresent(claimed.accountId(), (account, n) -> n > 1 ? n - 1 : null);
        }
    }

    private void attempt(Delivery claimed) {
        TriggerDelivery d = claimed.delivery();
        WebhookSender.Outcome outcome = sender.send(claimed.url(), claimed.secret(), String.valueOf(d.id()), "push",
                d.payload());
        int attempts = d.attempts() + 1;
        Instant now = now();
        String result = outcome.delivered() ? TriggerDelivery.SUCCESS
                : attempts >= TriggerDelivery.MAX_ATTEMPTS ? TriggerDelivery.FAILED : TriggerDelivery.PENDING;
        Instant next = TriggerDelivery.PENDING.equals(result) ? TriggerDelivery.retryAt(now, attempts, retryBase) : now;
        try {
            self.recordAttempt(new TriggerDelivery(d.id(), d.triggerId(), d.tag(), d.digest(), d.pusher(), d.payload(),
                    result, attempts, outcome.responseCode(), outcome.durationMillis(), outcome.detail(), d.createdAt(), next));
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is attempted again: a receiver may see it twice, never not at all.
            LOG.log(Level.WARNING, "Could not record webhook delivery " + d.id(), e);
        }
    }

    @UseCase
    public void recordAttempt(TriggerDelivery attempt) {
        triggers.attempted(attempt);
    }

    /** The event's JSON: what was pushed, by whom, and the trigger with the SWR fields a receiver acts on. */
    private String event(Trigger t, Caller caller, RegistryPath path, String tag, StoredManifest manifest, Instant at) {
        JsonObjectBuilder trigger = Jsonp.PROVIDER.createObjectBuilder().add("name", t.name()).add("action", t.action())
                .add("trigger_mode", t.triggerMode()).add("trigger_type", t.triggerType()).add("condition", t.condition());
        addIfSet(trigger, "app_type", t.appType());
        addIfSet(trigger, "application", t.application());
        addIfSet(trigger, "cluster_id", t.clusterId());
        addIfSet(trigger, "cluster_name", t.clusterName());
        addIfSet(trigger, "cluster_ns", t.clusterNs());
        addIfSet(trigger, "container", t.container());
        String address = settings == null ? "" : settings.registryAddress();
        return Jsonp.PROVIDER.createObjectBuilder().add("event", "push").add("occurred_at", at.toString())
                .add("namespace", path.namespace().value()).add("repository", path.repository().value())
                .add("tag", tag).add("digest", manifest.digest()).add("media_type", manifest.mediaType())
                .add("image", address + "/" + path + ":" + tag).add("pusher", caller.userName())
                .add("account", caller.accountName()).add("trigger", trigger).build().toString();
    }

    private static void addIfSet(JsonObjectBuilder json, String field, String value) {
        if (value != null && !value.isEmpty()) {
            json.add(field, value);
        }
    }

    private TriggerView view(RepositoryAccess.Located located, Trigger trigger) {
        return new TriggerView(shownTo(located, trigger), triggers.deliveries(trigger.id(), 0, HISTORY));
    }

    /**
     * The trigger as the caller may see it: its webhook address (and any token in it) only to the repository's
     * managers, who set it; readers see that the trigger exists and what fires it.
     */
    private static Trigger shownTo(RepositoryAccess.Located located, Trigger trigger) {
        return located.right().includes(Permission.MANAGE) ? trigger : trigger.withoutTarget();
    }

    private Trigger trigger(ImageRepository repository, String name) {
        return triggers.byName(repository.id(), name).orElseThrow(() -> notFound(name));
    }

    private ImageRepository manage(Caller caller, String namespace, String repository) {
        return access.locate(caller, namespace, repository).require(Permission.MANAGE).repository();
    }

    private static WharfException notFound(String name) {
        return WharfException.notFound(Subject.TRIGGER, "There is no trigger " + name + " on this repository.");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Stops the periodic tasks with the application (a redeployed or removed module must not leave them firing). */
    @jakarta.annotation.PreDestroy
    void cancelSchedules() {
        scheduled.forEach(task -> task.cancel(false));
    }
}
