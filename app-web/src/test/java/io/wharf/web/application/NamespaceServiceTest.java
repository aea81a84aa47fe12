package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.web.fakes.InMemoryAccessDomains;
import io.wharf.web.fakes.InMemoryGrants;
import io.wharf.web.fakes.InMemoryImageRepositories;
import io.wharf.web.fakes.InMemoryNamespaces;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organization use cases over in-memory ports: who may see, create and delete what. */
class NamespaceServiceTest {
    private static final Caller ADMIN = new Caller("alice", "alice", "acct-a", "a", "p", true, false);
    private static final Caller MEMBER = new Caller("mike", "mike", "acct-a", "a", "p", false, false);
    private static final Caller OUTSIDER = new Caller("bob", "bob", "acct-b", "b", "p", true, false);
    private final InMemoryNamespaces namespaces = new InMemoryNamespaces();
    private final InMemoryImageRepositories repositories = new InMemoryImageRepositories();
    private final InMemoryGrants grants = new InMemoryGrants();
    private final NamespaceService service = new NamespaceService(namespaces, repositories,
            new RepositoryAccess(namespaces, repositories, new InMemoryAccessDomains(), grants));

    /** The refusal's meaning, as "FAILURE SUBJECT". */
    private static String refusal(Runnable call) {
        WharfException refused = assertThrows(WharfException.class, call::run);
        return refused.failure() + " " + refused.subject();
    }

    @Test
    void aTakenNameIsRefusedWhicheverAccountTookIt() {
        service.create(ADMIN, "team");
        assertEquals(Failure.EXISTS + " " + Subject.ORGANIZATION, refusal(() -> service.create(OUTSIDER, "team")));
    }

    @Test
    void anotherAccountsOrganizationLooksMissing() {
        service.create(ADMIN, "team");
        assertEquals(Failure.NOT_FOUND + " " + Subject.ORGANIZATION, refusal(() -> service.show(OUTSIDER, "team")));
        assertEquals(Failure.NOT_FOUND + " " + Subject.ORGANIZATION, refusal(() -> service.delete(OUTSIDER, "team")));
    }

    @Test
    void aMemberSeesAnOrganizationOnlyOnceGrantedAndDeletesItOnlyWithManage() {
        Namespace team = service.create(ADMIN, "team");
        assertEquals(Failure.NOT_FOUND + " " + Subject.ORGANIZATION, refusal(() -> service.show(MEMBER, "team")));
        grants.add(List.of(new Grant(Grant.Scope.NAMESPACE, team.id(), MEMBER.userId(), MEMBER.userName(), Permission.EDIT)));
        assertEquals(Permission.EDIT, service.show(MEMBER, "team").auth());
        assertEquals(Failure.FORBIDDEN + " null", refusal(() -> service.delete(MEMBER, "team")));
    }

    @Test
    void anOrganizationHoldingRepositoriesIsNotDeleted() {
        Namespace team = service.create(ADMIN, "team");
        repositories.add(team, new RepositoryName("app"), new RepositoryDetails(Category.OTHER, "", false), "alice", "alice");
        assertEquals(Failure.NOT_EMPTY + " " + Subject.ORGANIZATION, refusal(() -> service.delete(ADMIN, "team")));
        repositories.remove(repositories.byName(team.name(), new RepositoryName("app")).orElseThrow());
        service.delete(ADMIN, "team");
        assertTrue(namespaces.byName(team.name()).isEmpty());
    }
}
