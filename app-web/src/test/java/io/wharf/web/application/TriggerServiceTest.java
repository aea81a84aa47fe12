package io.wharf.web.application;

import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.trigger.Trigger;
import io.wharf.domain.trigger.TriggerDelivery;
import io.wharf.domain.trigger.WebhookSender;
import io.wharf.web.fakes.HeldExecutor;
import io.wharf.web.fakes.InMemoryTenants;
import io.wharf.web.fakes.InMemoryTriggers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.MEMBER;
import static io.wharf.web.fakes.InMemoryTenants.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Triggers over in-memory ports: who may set them, which pushes fire them, how deliveries are attempted and retried. */
class TriggerServiceTest {
    private final InMemoryTenants world = new InMemoryTenants();
    private final InMemoryTriggers triggers = new InMemoryTriggers();
    private final HeldExecutor executor = new HeldExecutor();
    private final List<String> sent = new ArrayList<>();
    private final List<Integer> answers = new ArrayList<>();
    private final WebhookSender sender = (url, secret, id, event, body) -> {
        sent.add(secret + " " + body);
        int code = answers.isEmpty() ? 200 : answers.remove(0);
        return new WebhookSender.Outcome(code, 3, code == 200 ? "" : "answered " + code);
    };
    private final SecretCipher cipher = new SecretCipher() {
        @Override
        public String encrypt(String plaintext) {
            return "sealed:" + plaintext;
        }

        @Override
        public String decrypt(String ciphertext) {
            return ciphertext.substring("sealed:".length());
        }
    };
    private final TriggerService service = new TriggerService(triggers, world.access, cipher, sender, executor,
            Duration.ofSeconds(10));
    private final Namespace team = world.organization("team");
    private final ImageRepository app = world.repository(team, "app", false);

    private static Trigger.Draft draft(String name, String type, String condition) {
        return new Trigger.Draft(name, "update", "deployments", "web", "", "", "default", condition, "", "true", "cce",
                type, "http://hooks.example/wharf", "0123456789abcdef");
    }

    private void push(String tag) {
        service.pushed(ADMIN, RegistryPath.parse("team/app"), tag, new StoredManifest(1, app.id(), "sha256:" + "a".repeat(64),
                "application/vnd.oci.image.manifest.v1+json", 10, 10, null, "amd64", null, null, null, Instant.now(),
                List.of(), List.of()));
        executor.runAll();
    }

    @Test
    void aPushOfAMatchingTagDeliversASignedEventWithTheSwrFields() {
        service.create(ADMIN, "team", "app", draft("on-release", "regular", "v[0-9]+"));
        push("latest");
        assertTrue(sent.isEmpty(), "latest does not match v[0-9]+");
        push("v2");
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).startsWith("0123456789abcdef "), "the key is unsealed for the attempt");
        assertTrue(sent.get(0).contains("\"tag\":\"v2\"") && sent.get(0).contains("\"application\":\"web\"")
                && sent.get(0).contains("\"pusher\":\"alice\""), sent.get(0));
        TriggerDelivery delivery = service.show(ADMIN, "team", "app", "on-release").history().get(0);
        assertEquals(TriggerDelivery.SUCCESS, delivery.result());
        assertEquals(200, delivery.responseCode());
    }

    @Test
    void aTagConditionFiresForEachListedTagOnly() {
        service.create(ADMIN, "team", "app", draft("listed", "tag", "1.0;stable"));
        push("stable");
        push("1.0");
        push("1.0.1");
        assertEquals(2, sent.size());
    }

    @Test
    void aFailedAttemptIsRetriedWithBackoffAndGivenUpAfterTheLast() {
        service.create(ADMIN, "team", "app", draft("flaky", "all", ".*"));
        answers.addAll(List.of(500, 500, 500, 500));
        push("v1");
        TriggerDelivery first = service.show(ADMIN, "team", "app", "flaky").history().get(0);
        assertEquals(TriggerDelivery.PENDING, first.result());
        assertEquals(1, first.attempts());
        assertTrue(first.nextAttemptAt().isAfter(Instant.now().plusSeconds(5)), "the retry waits its backoff");
        for (int i = 2; i <= TriggerDelivery.MAX_ATTEMPTS; i++) {
            triggers.makeDue();
            service.deliverDue();
            executor.runAll();
        }
        TriggerDelivery last = service.show(ADMIN, "team", "app", "flaky").history().get(0);
        assertEquals(TriggerDelivery.FAILED, last.result());
        assertEquals(TriggerDelivery.MAX_ATTEMPTS, last.attempts());
        assertEquals(500, last.responseCode());
        triggers.makeDue();
        service.deliverDue();
        executor.runAll();
        assertEquals(TriggerDelivery.MAX_ATTEMPTS, sent.size(), "a failed delivery is not attempted again");
    }

    @Test
    void aDisabledTriggerDoesNotFire() {
        service.create(ADMIN, "team", "app", draft("off", "all", ".*"));
        service.update(ADMIN, "team", "app", "off", "false");
        push("v1");
        assertTrue(sent.isEmpty());
    }

    @Test
    void onlyManagersSetTriggersAndOtherAccountsDoNotSeeThem() {
        world.grant(MEMBER, io.wharf.domain.permission.Grant.Scope.REPOSITORY, app.id(),
                io.wharf.domain.permission.Permission.EDIT);
        WharfException member = assertThrows(WharfException.class,
                () -> service.create(MEMBER, "team", "app", draft("t", "all", ".*")));
        assertEquals(Failure.FORBIDDEN, member.failure());
        service.create(ADMIN, "team", "app", draft("t", "all", ".*"));
        assertEquals(1, service.list(MEMBER, "team", "app").size(), "edit (3) reads them");
        WharfException outsider = assertThrows(WharfException.class, () -> service.list(OUTSIDER, "team", "app"));
        assertEquals(Failure.NOT_FOUND, outsider.failure());
    }

    @Test
    void aSecondTriggerOfTheSameNameIsAConflict() {
        service.create(ADMIN, "team", "app", draft("t", "all", ".*"));
        assertEquals(Failure.EXISTS, assertThrows(WharfException.class,
                () -> service.create(ADMIN, "team", "app", draft("t", "all", ".*"))).failure());
    }

    @Test
    void aRunawayConditionDoesNotMatchInsteadOfHoldingTheThread() {
        service.create(ADMIN, "team", "app", draft("evil", "regular", "(a+)+b"));
        push("a".repeat(60));
        assertTrue(sent.isEmpty());
    }

    @Test
    void oneAccountsBacklogHoldsHalfTheSlotsAndAnotherAccountsEventGoesOutAtOnce() {
        Namespace theirs = world.namespaces.add(new io.wharf.domain.namespace.NamespaceName("other"),
                io.wharf.web.fakes.InMemoryTenants.OUTSIDER.accountId(), "bob", "bob");
        ImageRepository other = world.repositories.add(theirs, new io.wharf.domain.repository.RepositoryName("app"),
                new io.wharf.domain.repository.RepositoryDetails(io.wharf.domain.repository.Category.OTHER, "", false),
                "bob", "bob");
        triggers.accounts(repositoryId -> repositoryId == app.id() ? "acct-a" : "acct-b");
        for (int i = 0; i < 6; i++) {
            service.create(ADMIN, "team", "app", draft("slow-" + i, "all", ".*"));
        }
        service.create(io.wharf.web.fakes.InMemoryTenants.OUTSIDER, "other", "app", draft("fast", "all", ".*"));
        service.pushed(ADMIN, RegistryPath.parse("team/app"), "1.0", new StoredManifest(1, app.id(),
                "sha256:" + "a".repeat(64), "application/vnd.oci.image.manifest.v1+json", 10, 10, null, "amd64", null,
                null, null, Instant.now(), List.of(), List.of()));
        service.pushed(io.wharf.web.fakes.InMemoryTenants.OUTSIDER, RegistryPath.parse("other/app"), "1.0",
                new StoredManifest(2, other.id(), "sha256:" + "b".repeat(64), "application/vnd.oci.image.manifest.v1+json",
                        10, 10, null, "amd64", null, null, null, Instant.now(), List.of(), List.of()));
        executor.runAll();
        assertTrue(sent.stream().anyMatch(s -> s.contains("other/app")), "account b's event went out in the first round: "
                + sent);
        assertEquals(3, sent.size(), "account a had two of the four slots, account b one: " + sent);
    }
}
