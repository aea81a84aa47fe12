package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.credential.AccessKey;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.token.AuthToken;
import io.wharf.domain.token.TokenSecret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaIdentityTest {
    private static MariaDbTestDatabase db;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static Account account(String name, boolean system) {
        Account account = new Account(Identifiers.newId(), new AccountName(name), Identifiers.newId(), system, NOW);
        return db.inTransaction(em -> new JpaAccounts(em).add(account));
    }

    private static User user(Account account, String name) {
        User user = new User(Identifiers.newId(), account.id(), new UserName(name), "pbkdf2$x", true, NOW);
        return db.inTransaction(em -> new JpaUsers(em).add(user));
    }

    @Test
    void accountsAreFoundByIdAndNameAndTheSystemAccountIsTheOneMarkedSo() {
        Account plain = account("plain", false);
        Account system = account("wharf", true);
        assertEquals(plain, db.inTransaction(em -> new JpaAccounts(em).byId(plain.id())).orElseThrow());
        assertEquals(plain, db.inTransaction(em -> new JpaAccounts(em).byName(new AccountName("plain"))).orElseThrow());
        assertEquals(system, db.inTransaction(em -> new JpaAccounts(em).system()).orElseThrow());
    }

    @Test
    void namesOfSeveralAccountsAreReadTogetherAndUnknownIdsLeftOut() {
        Account first = account("owner-one", false);
        Account second = account("owner-two", false);
        assertEquals(java.util.Map.of(first.id(), "owner-one", second.id(), "owner-two"), db.inTransaction(em ->
                new JpaAccounts(em).namesOf(java.util.List.of(first.id(), second.id(), "no-such-account"))));
    }

    @Test
    void anAccountsNameIsReadOnceByTheSameStore() {
        Account owner = account("named-once", false);
        JpaAccounts store = db.inTransaction(JpaAccounts::new);
        assertEquals(java.util.Map.of(owner.id(), "named-once"),
                db.inTransaction(em -> { store.em = em; return store.namesOf(java.util.List.of(owner.id())); }));
        db.inTransaction(em -> em.createNativeQuery("DELETE FROM account WHERE id = ?1").setParameter(1, owner.id())
                .executeUpdate());
        assertEquals(java.util.Map.of(owner.id(), "named-once"),
                db.inTransaction(em -> { store.em = em; return store.namesOf(java.util.List.of(owner.id())); }));
    }

    @Test
    void accountNamesAreUniqueAndCaseMatters() {
        account("unique", false);
        WharfException conflict = assertThrows(WharfException.class, () -> account("unique", false));
        assertEquals(Failure.EXISTS, conflict.failure());
        assertEquals(Subject.ACCOUNT, conflict.subject());
        account("Unique", false);
    }

    @Test
    void userNamesAreUniqueInsideAnAccountOnly() {
        Account one = account("one", false);
        Account two = account("two", false);
        User alice = user(one, "alice");
        user(two, "alice");
        assertThrows(WharfException.class, () -> user(one, "alice"));
        assertEquals(alice, db.inTransaction(em -> new JpaUsers(em).byName(one.id(), new UserName("alice"))).orElseThrow());
        assertEquals(1L, db.<Long>inTransaction(em -> new JpaUsers(em).countOfAccount(one.id())));
    }

    @Test
    void aUsersConsoleLanguageIsNoneUntilChosen() {
        User carol = user(account("languages", false), "carol");
        assertEquals(java.util.Optional.empty(), db.inTransaction(em -> new JpaUsers(em).consoleLanguage(carol.id())));
        db.inTransaction(em -> {
            new JpaUsers(em).setConsoleLanguage(carol.id(), "zh-CN");
            return null;
        });
        assertEquals(java.util.Optional.of("zh-CN"), db.inTransaction(em -> new JpaUsers(em).consoleLanguage(carol.id())));
        assertEquals(carol, db.inTransaction(em -> new JpaUsers(em).byId(carol.id())).orElseThrow(), "the user is unchanged");
    }

    @Test
    void tokensAreFoundByDigestRevokedAndExpiredOnesPurged() {
        User owner = user(account("tokens", false), "owner");
        AuthToken live = new AuthToken(TokenSecret.digest(TokenSecret.generate()), owner.id(), NOW, NOW.plus(Duration.ofHours(24)));
        AuthToken old = new AuthToken(TokenSecret.digest(TokenSecret.generate()), owner.id(), NOW.minus(Duration.ofDays(2)),
                NOW.minus(Duration.ofDays(1)));
        db.inTransaction(em -> {
            new JpaAuthTokens(em).add(live);
            new JpaAuthTokens(em).add(old);
            return null;
        });
        assertEquals(live, db.inTransaction(em -> new JpaAuthTokens(em).byDigest(live.digest())).orElseThrow());
        assertEquals(1, db.<Integer>inTransaction(em -> new JpaAuthTokens(em).removeExpired(NOW)));
        assertTrue(db.<Boolean>inTransaction(em -> new JpaAuthTokens(em).remove(live.digest())));
        assertFalse(db.<Boolean>inTransaction(em -> new JpaAuthTokens(em).remove(live.digest())));
        assertTrue(db.inTransaction(em -> new JpaAuthTokens(em).byDigest(live.digest())).isEmpty());
    }

    @Test
    void accessKeysBelongToTheirUserAndGoWithThem() {
        User owner = user(account("keys", false), "keyholder");
        AccessKey key = new AccessKey(AccessKey.newAccessKeyId(), owner.id(), "v1:sealed", "ci", NOW);
        db.inTransaction(em -> {
            new JpaAccessKeys(em).add(key);
            return null;
        });
        assertEquals(key, db.inTransaction(em -> new JpaAccessKeys(em).byId(key.accessKeyId())).orElseThrow());
        assertEquals(1, db.inTransaction(em -> new JpaAccessKeys(em).ofUser(owner.id())).size());
        db.inTransaction(em -> {
            new JpaAccessKeys(em).remove(key);
            return null;
        });
        assertTrue(db.inTransaction(em -> new JpaAccessKeys(em).byId(key.accessKeyId())).isEmpty());
    }

    @Test
    void aPasswordChangeIsStoredWithItsInstantAndRevokesOnlyThatUsersTokens() {
        Account team = account("pw-team", false);
        User alice = user(team, "alice");
        User bob = user(team, "bob");
        assertEquals(NOW, alice.credentialsChangedAt(), "a new user's password dates from their creation");
        for (User holder : java.util.List.of(alice, alice, bob)) {
            db.inTransaction(em -> {
                new JpaAuthTokens(em).add(new AuthToken(TokenSecret.digest(TokenSecret.generate()), holder.id(), NOW,
                        NOW.plus(Duration.ofHours(1))));
                return null;
            });
        }
        Instant changed = NOW.plusSeconds(60);
        db.inTransaction(em -> {
            new JpaUsers(em).changePassword(alice.id(), "pbkdf2$new", true, changed);
            return null;
        });
        assertEquals(2, (int) db.inTransaction(em -> new JpaAuthTokens(em).removeOfUser(alice.id())), "both of alice's tokens");
        User stored = db.inTransaction(em -> new JpaUsers(em).byId(alice.id())).orElseThrow();
        assertEquals("pbkdf2$new", stored.passwordHash());
        assertEquals(changed, stored.credentialsChangedAt());
        assertTrue(stored.passwordChangeRequired());
        assertEquals(1, (int) db.inTransaction(em -> new JpaAuthTokens(em).removeOfUser(bob.id())), "bob's token stayed");
    }
}
