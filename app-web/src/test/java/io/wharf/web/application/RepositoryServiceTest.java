package io.wharf.web.application;

import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.TaggedImage;
import io.wharf.web.fakes.InMemoryTenants;
import org.junit.jupiter.api.Test;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.MEMBER;
import static io.wharf.web.fakes.InMemoryTenants.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository use cases over in-memory ports: who may create, read, change and delete, and what each refusal means. */
class RepositoryServiceTest {
    private static final RepositoryDetails PRIVATE = new RepositoryDetails(Category.OTHER, "", false);
    private final InMemoryTenants world = new InMemoryTenants();
    private final RepositoryService service = new RepositoryService(world.repositories, world.tags, world.accounts,
            world.access);
    private final Namespace team = world.organization("team");

    private static String refusal(Runnable call) {
        WharfException refused = assertThrows(WharfException.class, call::run);
        return refused.failure() + " " + refused.subject();
    }

    @Test
    void aMemberCreatesARepositoryOnlyWithEditOnTheOrganization() {
        assertEquals("NOT_FOUND ORGANIZATION", refusal(() -> service.create(MEMBER, "team", "app", PRIVATE)));
        world.grant(MEMBER, Grant.Scope.NAMESPACE, team.id(), Permission.READ);
        assertEquals("FORBIDDEN null", refusal(() -> service.create(MEMBER, "team", "app", PRIVATE)));
        world.grants.update(java.util.List.of(new Grant(Grant.Scope.NAMESPACE, team.id(), MEMBER.userId(),
                MEMBER.userName(), Permission.EDIT)));
        assertEquals("mike", service.create(MEMBER, "team", "app", PRIVATE).creatorName());
    }

    @Test
    void aTakenNameInTheOrganizationExists() {
        service.create(ADMIN, "team", "app", PRIVATE);
        assertEquals("EXISTS REPOSITORY", refusal(() -> service.create(ADMIN, "team", "app", PRIVATE)));
    }

    @Test
    void aPrivateRepositoryLooksMissingToAnotherAccountAndAPublicOneIsOnlyRead() {
        world.repository(team, "secret", false);
        world.repository(team, "open", true);
        assertEquals("NOT_FOUND REPOSITORY", refusal(() -> service.show(OUTSIDER, "team", "secret")));
        assertEquals(Permission.READ, service.show(OUTSIDER, "team", "open").auth());
        assertEquals("FORBIDDEN null", refusal(() -> service.update(OUTSIDER, "team", "open", PRIVATE)));
    }

    @Test
    void editOnTheRepositoryChangesItButOnlyManageDeletesIt() {
        ImageRepository app = world.repository(team, "app", false);
        world.grant(MEMBER, Grant.Scope.REPOSITORY, app.id(), Permission.EDIT);
        assertEquals("changed", service.update(MEMBER, "team", "app",
                new RepositoryDetails(Category.OTHER, "changed", false)).description());
        assertEquals("FORBIDDEN null", refusal(() -> service.delete(MEMBER, "team", "app")));
        service.delete(ADMIN, "team", "app");
        assertTrue(world.repositories.byName(team.name(), app.name()).isEmpty());
    }

    @Test
    void deletingATagThatIsNotThereIsAMissingImage() {
        ImageRepository app = world.repository(team, "app", false);
        world.tags.put(app, "1.0", new TaggedImage("sha256:" + "a".repeat(64), "application/vnd.oci.image.manifest.v1+json",
                "{}", "sha256:" + "b".repeat(64), 2, 10, 0, "amd64"));
        assertEquals(Failure.NOT_FOUND + " " + Subject.IMAGE, refusal(() -> service.deleteTag(ADMIN, "team", "app", "2.0")));
        service.deleteTag(ADMIN, "team", "app", "1.0");
        assertTrue(world.tags.byTag(app.id(), "1.0").isEmpty());
    }

    @Test
    void aTagNamesAnExistingImageAndMovesAnotherOnlyWithOverride() {
        ImageRepository app = world.repository(team, "app", false);
        TaggedImage one = new TaggedImage("sha256:" + "a".repeat(64), "application/vnd.oci.image.manifest.v1+json", "{}",
                "sha256:" + "b".repeat(64), 2, 10, 0, "amd64");
        world.tags.put(app, "1.0", one);
        world.tags.put(app, "2.0", new TaggedImage("sha256:" + "c".repeat(64), one.mediaType(), "{}", one.imageId(), 2, 20,
                0, "amd64"));
        assertEquals(one.digest(), service.tagImage(ADMIN, "team", "app", "1.0", "stable", false).digest());
        assertEquals("EXISTS IMAGE", refusal(() -> service.tagImage(ADMIN, "team", "app", "2.0", "stable", false)));
        assertEquals(one.digest(), world.tags.byTag(app.id(), "stable").orElseThrow().digest(), "left where it was");
        service.tagImage(ADMIN, "team", "app", "2.0", "stable", true);
        assertEquals("sha256:" + "c".repeat(64), world.tags.byTag(app.id(), "stable").orElseThrow().digest());
        assertEquals("NOT_FOUND IMAGE", refusal(() -> service.tagImage(ADMIN, "team", "app", "9.9", "x", false)));
    }

    @Test
    void taggingNeedsEditAndAValidName() {
        ImageRepository app = world.repository(team, "app", false);
        world.tags.put(app, "1.0", new TaggedImage("sha256:" + "a".repeat(64), "application/vnd.oci.image.manifest.v1+json",
                "{}", "sha256:" + "b".repeat(64), 2, 10, 0, "amd64"));
        world.grant(MEMBER, Grant.Scope.REPOSITORY, app.id(), Permission.READ);
        assertEquals("FORBIDDEN null", refusal(() -> service.tagImage(MEMBER, "team", "app", "1.0", "mine", false)));
        WharfException bad = assertThrows(WharfException.class, () -> service.tagImage(ADMIN, "team", "app", "1.0", ".hidden", false));
        assertEquals("destination_tag", bad.field());
    }
}
