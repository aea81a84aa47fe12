package io.wharf.web.application;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.share.AccessDomain;
import io.wharf.domain.share.Deadline;
import io.wharf.domain.share.ShareTerms;
import io.wharf.web.application.PermissionService.UserAuth;
import io.wharf.web.fakes.InMemoryTenants;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.MEMBER;
import static io.wharf.web.fakes.InMemoryTenants.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Permissions (7 manage / 3 edit / 1 read) over in-memory ports: who may give them, to whom, and all or none. */
class PermissionServiceTest {
    private final InMemoryTenants world = new InMemoryTenants();
    private final PermissionService service = new PermissionService(world.access, world.grants, world.users);
    private final Namespace team = world.organization("team");
    private final ImageRepository app = world.repository(team, "app", false);
    private final UserAuth mikeEdits = new UserAuth(MEMBER.userId(), MEMBER.userName(), 3);

    private static String refusal(Runnable call) {
        WharfException refused = assertThrows(WharfException.class, call::run);
        return refused.failure() + " " + refused.subject() + " " + refused.field();
    }

    @Test
    void aGrantGivesItsRightAndOnlyManageGivesGrants() {
        service.grantOnNamespace(ADMIN, "team", List.of(mikeEdits));
        assertEquals(Permission.EDIT, service.onNamespace(MEMBER, "team").self().auth());
        UserAuth selfManage = new UserAuth(MEMBER.userId(), MEMBER.userName(), 7);
        assertEquals("FORBIDDEN null null", refusal(() -> service.updateOnNamespace(MEMBER, "team", List.of(selfManage))));
    }

    @Test
    void grantingTwiceExistsAndChangingAnAbsentGrantIsNotFound() {
        service.grantOnRepository(ADMIN, "team", "app", List.of(mikeEdits));
        assertEquals("EXISTS GRANT null", refusal(() -> service.grantOnRepository(ADMIN, "team", "app", List.of(mikeEdits))));
        assertEquals("NOT_FOUND GRANT null", refusal(() -> service.updateOnNamespace(ADMIN, "team", List.of(mikeEdits))));
    }

    @Test
    void everyEntryIsCheckedBeforeAnythingIsStored() {
        UserAuth stranger = new UserAuth(OUTSIDER.userId(), OUTSIDER.userName(), 1);
        assertEquals("UNKNOWN_REFERENCE USER user_name",
                refusal(() -> service.grantOnNamespace(ADMIN, "team", List.of(mikeEdits, stranger))));
        assertEquals("INVALID null user_id",
                refusal(() -> service.grantOnNamespace(ADMIN, "team", List.of(mikeEdits, mikeEdits))));
        assertEquals("INVALID null auth", refusal(() -> service.grantOnNamespace(ADMIN, "team",
                List.of(new UserAuth(MEMBER.userId(), MEMBER.userName(), 5)))));
        assertTrue(world.grants.of(Grant.Scope.NAMESPACE, team.id()).isEmpty(), "nothing of a refused list is stored");
    }

    @Test
    void aShareReceiverReadsButHoldsNoPermissionsOnTheRepository() {
        new ShareService(world.access, world.shares, world.accounts, world.tags)
                .share(ADMIN, "team", "app", "b", new ShareTerms(AccessDomain.READ, Deadline.parse("forever"), ""));
        assertEquals("FORBIDDEN null null", refusal(() -> service.onRepository(OUTSIDER, "team", "app")));
        assertEquals("NOT_FOUND ORGANIZATION null", refusal(() -> service.onNamespace(OUTSIDER, "team")));
    }
}
