package io.wharf.domain.permission;

import io.wharf.domain.account.Caller;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {
    private final AccessPolicy policy = new AccessPolicy();
    private final Namespace ofAccountA = new Namespace(1, new NamespaceName("team"), "acct-a", "creator", "carol",
            Instant.now());

    @Test
    void theAccountAdministratorManagesEveryOrganizationOfTheAccount() {
        Caller admin = new Caller("admin", "alice", "acct-a", "a", "p", true, false);
        assertEquals(Optional.of(Permission.MANAGE), policy.rightOn(admin, ofAccountA));
    }

    @Test
    void theCreatorManagesTheOrganization() {
        Caller creator = new Caller("creator", "carol", "acct-a", "a", "p", false, false);
        assertEquals(Optional.of(Permission.MANAGE), policy.rightOn(creator, ofAccountA));
    }

    @Test
    void anotherMemberOfTheAccountHoldsNoRightUntilGranted() {
        Caller member = new Caller("member", "mike", "acct-a", "a", "p", false, false);
        assertTrue(policy.rightOn(member, ofAccountA).isEmpty());
    }

    @Test
    void anotherAccountSeesNothingEvenAsItsAdministratorOrAsWharfsAdministrator() {
        Caller otherAdmin = new Caller("admin-b", "bob", "acct-b", "b", "p", true, false);
        Caller wharfAdmin = new Caller("root", "admin", "system", "wharf", "p", true, true);
        assertTrue(policy.rightOn(otherAdmin, ofAccountA).isEmpty());
        assertTrue(policy.rightOn(wharfAdmin, ofAccountA).isEmpty());
    }

    @Test
    void rightsIncludeTheWeakerOnes() {
        assertTrue(Permission.MANAGE.includes(Permission.EDIT));
        assertTrue(Permission.EDIT.includes(Permission.READ));
        assertFalse(Permission.READ.includes(Permission.EDIT));
        assertEquals(Permission.EDIT, Permission.ofAuth(3));
    }

    @Test
    void aMemberHoldsWhatWasGrantedOnTheOrganizationOrTheRepository() {
        Caller member = new Caller("member", "mike", "acct-a", "a", "p", false, false);
        assertEquals(Optional.of(Permission.EDIT), policy.rightOn(member, ofAccountA, Optional.of(Permission.EDIT)));
        ImageRepository repo = repository("acct-a", false);
        assertEquals(Optional.of(Permission.MANAGE), policy.rightOn(member, ofAccountA, Optional.of(Permission.READ),
                repo, Optional.of(Permission.MANAGE), false), "the stronger of the two grants");
        assertEquals(Optional.of(Permission.READ), policy.rightOn(member, ofAccountA, Optional.empty(),
                repository("acct-a", true), Optional.empty(), false), "public means read for everyone");
        assertTrue(policy.rightOn(member, ofAccountA, Optional.empty(), repo, Optional.empty(), false).isEmpty());
    }

    @Test
    void grantsNeverReachAcrossAccountsButSharesAndPublicRepositoriesDo() {
        Caller outsider = new Caller("x", "xavier", "acct-b", "b", "p", false, false);
        ImageRepository repo = repository("acct-a", false);
        assertTrue(policy.rightOn(outsider, ofAccountA, Optional.of(Permission.MANAGE), repo,
                Optional.of(Permission.MANAGE), false).isEmpty());
        assertEquals(Optional.of(Permission.READ), policy.rightOn(outsider, ofAccountA, Optional.empty(), repo,
                Optional.empty(), true));
    }

    private static ImageRepository repository(String account, boolean isPublic) {
        return new ImageRepository(9, 1, new NamespaceName("team"), account,
                new RepositoryName("app"), Category.OTHER, "",
                isPublic, "creator", "carol", Instant.now(), Instant.now(), 0, 0, 0);
    }
}
