package io.wharf.web.it;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.SwrError;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.web.application.AccountService;
import io.wharf.web.application.IdentityService;
import io.wharf.web.application.NamespaceService;
import io.wharf.web.application.PasswordCredentials;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * In the container: the application services with their real transactions, CDI wiring, JPA and data source, checked
 * where the HTTP API cannot reach yet (an organization holding repositories).
 */
@ExtendWith(ArquillianExtension.class)
class NamespaceServiceIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "namespace-service-it.war")
                .addPackages(true, "io.wharf.domain", "io.wharf.persistence", "io.wharf.integration")
                .addPackage("io.wharf.web.application")
                .addClass(NamespaceServiceIT.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("db/migration/V1__identity_and_namespaces.sql")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .resolve("org.hibernate.orm:hibernate-core").withTransitivity().asFile());
    }

    @Inject
    NamespaceService namespaces;
    @Inject
    AccountService accounts;
    @Inject
    IdentityService identity;
    @Resource(lookup = "jdbc/wharf")
    DataSource dataSource;

    private Caller newAccountAdministrator() {
        Caller wharfAdmin = identity.signIn(new PasswordCredentials("wharf", "admin", System.getProperty("WHARF_ADMIN_PASSWORD")));
        String name = "svc" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createAccount(wharfAdmin, name, "boss", "boss-password-1");
        return identity.signIn(new PasswordCredentials(name, "boss", "boss-password-1"));
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void anOrganizationThatStillHoldsRepositoriesIsNotDeleted() throws SQLException {
        Caller boss = newAccountAdministrator();
        String name = "full-" + UUID.randomUUID().toString().substring(0, 8);
        Namespace namespace = namespaces.create(boss, name);
        sql("INSERT INTO image_repository (namespace_id, name, created_at) VALUES (?, 'nginx', CURRENT_TIMESTAMP)",
                namespace.id());

        WharfException refused = assertThrows(WharfException.class, () -> namespaces.delete(boss, name));
        assertEquals(SwrError.ORGANIZATION_NOT_EMPTY, refused.error());
        assertEquals(406, refused.error().httpStatus());
        assertEquals(namespace.id(), namespaces.show(boss, name).namespace().id(), "still there");

        sql("DELETE FROM image_repository WHERE namespace_id = ?", namespace.id());
        namespaces.delete(boss, name);
        assertThrows(WharfException.class, () -> namespaces.show(boss, name));
    }

    @Test
    void aRefusedCreateLeavesNothingBehind() {
        Caller boss = newAccountAdministrator();
        String name = "once-" + UUID.randomUUID().toString().substring(0, 8);
        namespaces.create(boss, name);
        WharfException conflict = assertThrows(WharfException.class, () -> namespaces.create(boss, name));
        assertEquals(SwrError.ORGANIZATION_EXISTS, conflict.error());
        assertEquals(1, namespaces.list(boss, name, new io.wharf.web.application.PageRequest(0, 10)).total());
    }
}
