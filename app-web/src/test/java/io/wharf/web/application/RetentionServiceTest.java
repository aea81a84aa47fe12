package io.wharf.web.application;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.TaggedImage;
import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRule;
import io.wharf.domain.retention.RetentionRun;
import io.wharf.web.fakes.InMemoryManifests;
import io.wharf.web.fakes.InMemoryRetentions;
import io.wharf.web.fakes.InMemoryTenants;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention's use cases over in-memory ports: who may set policies, what a run removes, what stays, what is recorded. */
class RetentionServiceTest {
    private final InMemoryTenants world = new InMemoryTenants();
    private final InMemoryRetentions retentions = new InMemoryRetentions();
    private final InMemoryManifests manifests = new InMemoryManifests();
    private final io.wharf.web.fakes.HeldExecutor executor = new io.wharf.web.fakes.HeldExecutor();
    private final RetentionService service = new RetentionService(retentions, world.access, world.repositories, world.tags,
            manifests, executor);
    private final Namespace team = world.organization("team");
    private final ImageRepository app = world.repository(team, "app", false);

    private static String digest(int n) {
        return "sha256:" + String.format("%064d", n);
    }

    /** Tags t1..t4 (pushed in that order), t1 and t2 naming one image, each image's manifest stored. */
    private void fourTags() throws InterruptedException {
        for (int i = 1; i <= 4; i++) {
            int image = i <= 2 ? 1 : i;
            manifests.add(new StoredManifest(i, app.id(), digest(image), "application/vnd.oci.image.manifest.v1+json", 10, 10,
                    null, "amd64", null, null, null, Instant.now(), List.of(), List.of()));
            world.tags.put(app, "t" + i, new TaggedImage(digest(image), "application/vnd.oci.image.manifest.v1+json", "{}",
                    digest(image), 2, 10, 0, "amd64"));
            Thread.sleep(2);
        }
    }

    /** Starts a run, lets it work, and answers it as it ended. */
    private RetentionRun ran(long policy, boolean dryRun) {
        RetentionRun started = service.execute(ADMIN, "team", "app", policy, dryRun);
        assertEquals(RetentionRun.RUNNING, started.status(), "answered at once, still running");
        executor.runAll();
        return service.run(ADMIN, "team", "app", policy, started.id());
    }

    private RetentionPolicy keep(int num) {
        return service.create(ADMIN, "team", "app", "or", List.of(new RetentionRule(RetentionRule.TAG_RULE, num, List.of())));
    }

    @Test
    void aRunRemovesTheOldTagsRecordsThemAndForgetsAnImageOnlyWithItsLastTag() throws InterruptedException {
        fourTags();
        RetentionPolicy policy = keep(1);
        assertEquals(List.of("t1", "t2", "t3"), ran(policy.id(), true).removed());
        assertEquals(4, world.tags.list(new io.wharf.domain.repository.TagQuery(app.id(), null, true, true, 0, 10)).size(),
                "a dry run removes nothing");
        RetentionRun run = ran(policy.id(), false);
        assertEquals(RetentionRun.DONE, run.status());
        assertEquals(3, run.removedCount());
        assertEquals(List.of("t4"), world.tags.list(new io.wharf.domain.repository.TagQuery(app.id(), null, true, true, 0, 10))
                .stream().map(t -> t.tag()).toList());
        assertTrue(manifests.byDigest(app.id(), digest(1)).isEmpty(), "the image of t1 and t2 went with its last tag");
        assertTrue(manifests.byDigest(app.id(), digest(4)).isPresent());
        assertEquals(3, service.histories(ADMIN, "team", "app", new PageRequest(0, 10)).total());
    }

    @Test
    void anImageAnotherTagStillNamesStays() throws InterruptedException {
        fourTags();
        RetentionPolicy policy = service.create(ADMIN, "team", "app", "or", List.of(new RetentionRule(RetentionRule.TAG_RULE,
                1, List.of(io.wharf.domain.retention.TagSelector.of("label", "t2", "s")))));
        ran(policy.id(), false);
        assertTrue(manifests.byDigest(app.id(), digest(1)).isPresent(), "t2, exempt, still names it");
    }

    @Test
    void onlyManagersSetPoliciesAndRunThemAndReadersSeeThem() {
        world.grant(MEMBER, Grant.Scope.REPOSITORY, app.id(), Permission.EDIT);
        List<RetentionRule> rules = List.of(new RetentionRule(RetentionRule.TAG_RULE, 1, List.of()));
        assertEquals(io.wharf.domain.error.Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.create(MEMBER, "team", "app", "or", rules)).failure(), "edit (3) is not enough");
        RetentionPolicy policy = keep(1);
        assertEquals(1, service.list(MEMBER, "team", "app").size());
        assertEquals(io.wharf.domain.error.Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.execute(MEMBER, "team", "app", policy.id(), false)).failure());
    }

    @Test
    void aRulesTemplateCannotChangeAndAnUnknownPolicyIsMissing() {
        RetentionPolicy policy = keep(3);
        assertEquals("rules[0].template", assertThrows(WharfException.class, () -> service.update(ADMIN, "team", "app",
                policy.id(), "or", List.of(new RetentionRule(RetentionRule.DATE_RULE, 30, List.of())))).field());
        assertEquals("algorithm", assertThrows(WharfException.class, () -> service.update(ADMIN, "team", "app",
                policy.id(), "and", policy.rules())).field());
        assertEquals(io.wharf.domain.error.Failure.NOT_FOUND, assertThrows(WharfException.class,
                () -> service.show(ADMIN, "team", "app", 99)).failure());
    }

    @Test
    void aSecondRunOfARepositoryWaitsForTheFirstAndARunTheServerLostEndsFailed() throws InterruptedException {
        fourTags();
        RetentionPolicy policy = keep(1);
        RetentionRun first = service.execute(ADMIN, "team", "app", policy.id(), false);
        assertEquals(io.wharf.domain.error.Failure.BUSY, assertThrows(WharfException.class,
                () -> service.execute(ADMIN, "team", "app", policy.id(), false)).failure(),
                "two runs of one repository would record each removal twice");
        assertEquals(1, service.failInterrupted());
        RetentionRun lost = service.run(ADMIN, "team", "app", policy.id(), first.id());
        assertEquals(RetentionRun.FAILED, lost.status());
        assertTrue(lost.message().contains("stopped"), lost.message());
    }

    @Test
    void aRunWhosePolicyIsOverItsBudgetEndsFailedAndRemovesNothing() throws InterruptedException {
        fourTags();
        List<io.wharf.domain.retention.TagSelector> heavy = new java.util.ArrayList<>();
        for (int i = 0; i < RetentionRule.MAX_SELECTORS; i++) {
            heavy.add(io.wharf.domain.retention.TagSelector.of("regexp", "(.*x){2}y" + i, "s"));
        }
        for (int i = 0; i < 3000; i++) {
            world.tags.put(app, "x".repeat(60) + i, new TaggedImage(digest(4), "application/vnd.oci.image.manifest.v1+json",
                    "{}", digest(4), 2, 10, 0, "amd64"));
        }
        List<RetentionRule> rules = new java.util.ArrayList<>();
        for (int i = 0; i < RetentionPolicy.MAX_RULES; i++) {
            rules.add(new RetentionRule(RetentionRule.DATE_RULE, 1, heavy));
        }
        RetentionPolicy policy = service.create(ADMIN, "team", "app", "or", rules);
        RetentionRun run = ran(policy.id(), false);
        assertEquals(RetentionRun.FAILED, run.status());
        assertTrue(run.message().contains("nothing was removed"), run.message());
    }

    @Test
    void theScheduleSkipsARepositoryWhoseRunIsUnderWayAndKeepsItsOwnRunsAsAnyRun() throws InterruptedException {
        fourTags();
        RetentionPolicy policy = keep(1);
        RetentionRun asked = service.execute(ADMIN, "team", "app", policy.id(), false);
        service.runAll();
        assertEquals(4, world.tags.list(new io.wharf.domain.repository.TagQuery(app.id(), null, true, true, 0, 10)).size(),
                "the schedule waited for the run under way");
        executor.runAll();
        assertEquals(3, service.histories(ADMIN, "team", "app", new PageRequest(0, 10)).total(), "each removal once");
        service.runAll();
        List<RetentionRun> runs = service.runs(ADMIN, "team", "app", 5);
        assertEquals(List.of(RetentionService.SCHEDULE, "alice"), runs.stream().map(RetentionRun::operatorName).toList());
        assertEquals(asked.id(), runs.get(1).id());
    }
}
