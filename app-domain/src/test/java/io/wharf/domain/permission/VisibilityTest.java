package io.wharf.domain.permission;

import io.wharf.domain.account.Caller;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisibilityTest {
    private final Namespace team = new Namespace(1, new NamespaceName("team"), "acct-a", "carol", "carol", Instant.now());
    private final ImageRepository privateRepo = repository(false);
    private final ImageRepository publicRepo = repository(true);

    private static ImageRepository repository(boolean isPublic) {
        return new ImageRepository(9, 1, new NamespaceName("team"), "acct-a", new RepositoryName("app"), Category.OTHER,
                "", isPublic, "carol", "carol", Instant.now(), Instant.now(), 0, 0, 0);
    }

    @Test
    void administratorsSeeTheWholeAccountAndOthersOnlyTheirOwn() {
        assertTrue(Visibility.of(new Caller("alice", "alice", "acct-a", "a", "p", true, false)).wholeAccount());
        Visibility member = Visibility.of(new Caller("mike", "mike", "acct-a", "a", "p", false, false));
        assertFalse(member.wholeAccount());
        assertFalse(member.seesNamespace(team, false));
        assertTrue(member.seesNamespace(team, true), "a grant on the organization");
        assertTrue(new Visibility("acct-a", "carol").seesNamespace(team, false), "its creator");
    }

    @Test
    void aRepositoryIsSeenThroughItsOrganizationItsOwnGrantAShareOrBeingPublic() {
        Visibility member = new Visibility("acct-a", "mike");
        assertFalse(member.seesRepository(team, false, privateRepo, false, false));
        assertTrue(member.seesRepository(team, true, privateRepo, false, false));
        assertTrue(member.seesRepository(team, false, privateRepo, true, false));
        Visibility outsider = new Visibility("acct-b", null);
        assertFalse(outsider.seesRepository(team, false, privateRepo, false, false), "administrators of another account too");
        assertTrue(outsider.seesRepository(team, false, privateRepo, false, true), "a valid share");
        assertTrue(outsider.seesRepository(team, false, publicRepo, false, false), "public");
        assertFalse(outsider.seesNamespace(team, true), "grants never reach across accounts");
    }
}
