package io.wharf.web.application;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.share.AccessDomain;
import io.wharf.domain.share.Deadline;
import io.wharf.domain.share.ShareTerms;
import io.wharf.web.fakes.InMemoryTenants;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.MEMBER;
import static io.wharf.web.fakes.InMemoryTenants.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sharing over in-memory ports: who may share, with whom, and what a share gives until its deadline. */
class ShareServiceTest {
    private static final ShareTerms FOREVER = new ShareTerms(AccessDomain.READ, Deadline.parse("forever"), "");
    private final InMemoryTenants world = new InMemoryTenants();
    private final ShareService service = new ShareService(world.access, world.shares, world.accounts, world.tags);
    private final RepositoryService repositories = new RepositoryService(world.repositories, world.tags, world.accounts,
            world.access);
    private final Namespace team = world.organization("team");
    private final ImageRepository app = world.repository(team, "app", false);

    private static String refusal(Runnable call) {
        WharfException refused = assertThrows(WharfException.class, call::run);
        return refused.failure() + " " + refused.subject() + " " + refused.field();
    }

    @Test
    void aShareGivesTheOtherAccountReadOnThatRepository() {
        assertEquals("NOT_FOUND REPOSITORY null", refusal(() -> repositories.show(OUTSIDER, "team", "app")));
        service.share(ADMIN, "team", "app", "b", FOREVER);
        assertEquals(Permission.READ, repositories.show(OUTSIDER, "team", "app").auth());
        assertEquals("FORBIDDEN null null", refusal(() -> service.share(OUTSIDER, "team", "app", "b", FOREVER)));
    }

    @Test
    void aShareWhoseDeadlinePassedGivesNothing() {
        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        service.share(ADMIN, "team", "app", "b", new ShareTerms(AccessDomain.READ, Deadline.parse(yesterday), ""));
        assertEquals("NOT_FOUND REPOSITORY null", refusal(() -> repositories.show(OUTSIDER, "team", "app")));
    }

    @Test
    void sharingNeedsManageAndAnotherExistingAccount() {
        world.grant(MEMBER, Grant.Scope.REPOSITORY, app.id(), Permission.EDIT);
        assertEquals("FORBIDDEN null null", refusal(() -> service.share(MEMBER, "team", "app", "b", FOREVER)));
        assertEquals("INVALID null access_domain", refusal(() -> service.share(ADMIN, "team", "app", "a", FOREVER)));
        assertEquals("UNKNOWN_REFERENCE ACCOUNT access_domain",
                refusal(() -> service.share(ADMIN, "team", "app", "nobody", FOREVER)));
        assertTrue(world.shares.ofRepository(app.id(), 0, 10).isEmpty(), "a refused share stores nothing");
    }

    @Test
    void sharingTwiceExistsAndAMissingShareIsNotFound() {
        service.share(ADMIN, "team", "app", "b", FOREVER);
        assertEquals("EXISTS SHARE null", refusal(() -> service.share(ADMIN, "team", "app", "b", FOREVER)));
        service.delete(ADMIN, "team", "app", "b");
        assertFalse(service.check(ADMIN, "team", "app", "b").share().isPresent());
        assertEquals("NOT_FOUND SHARE null", refusal(() -> service.update(ADMIN, "team", "app", "b", FOREVER)));
        assertEquals("NOT_FOUND SHARE null", refusal(() -> service.delete(ADMIN, "team", "app", "b")));
    }
}
