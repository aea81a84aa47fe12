package io.wharf.persistence.jpa;

import io.wharf.persistence.migration.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.mariadb.jdbc.MariaDbDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Function;

/**
 * A fresh database on the real MariaDB server for one test class: created, migrated with the production scripts,
 * and dropped afterwards. The server, user and password come from the build (see app-persistence/pom.xml).
 */
final class MariaDbTestDatabase implements AutoCloseable {
    private static final String SERVER = System.getProperty("wharf.test.db.url", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = System.getProperty("wharf.test.db.user", "wharf");
    private static final String PASSWORD = System.getProperty("wharf.test.db.password", "wharf");

    final String name = "wharf_test_" + UUID.randomUUID().toString().substring(0, 8);
    final MariaDbDataSource dataSource;
    final EntityManagerFactory emf;

    MariaDbTestDatabase() throws SQLException {
        this(true);
    }

    /** A fresh database, migrated to the current schema or left empty (for a restore). */
    MariaDbTestDatabase(boolean migrated) throws SQLException {
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        dataSource = new MariaDbDataSource(SERVER + name);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        if (migrated) {
            new SchemaMigrator(dataSource).migrate();
        }
        PersistenceConfiguration unit = new PersistenceConfiguration("wharf-test")
                .provider(HibernatePersistenceProvider.class.getName())
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property(PersistenceConfiguration.JDBC_URL, SERVER + name)
                .property(PersistenceConfiguration.JDBC_USER, USER)
                .property(PersistenceConfiguration.JDBC_PASSWORD, PASSWORD)
                .property("hibernate.hbm2ddl.auto", "none")
                .property("hibernate.jdbc.time_zone", "UTC");
        entityClasses().forEach(unit::managedClass);
        emf = Persistence.createEntityManagerFactory(unit);
    }

    /** The entities the production persistence unit lists, so that the two never differ. */
    private static java.util.List<Class<?>> entityClasses() {
        try (var in = MariaDbTestDatabase.class.getResourceAsStream("/META-INF/persistence.xml")) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.List<Class<?>> classes = new java.util.ArrayList<>();
            for (var m = java.util.regex.Pattern.compile("<class>([\\w.]+)</class>").matcher(xml); m.find(); ) {
                classes.add(Class.forName(m.group(1)));
            }
            return classes;
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("persistence.xml cannot be read", e);
        }
    }

    /** Runs work in one transaction and commits it; a failure rolls it back and is rethrown. */
    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void execute(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        emf.close();
        execute("DROP DATABASE IF EXISTS " + name);
    }
}
