package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Caller;
import io.wharf.domain.account.PasswordHasher;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.token.AuthToken;
import io.wharf.web.fakes.InMemoryAccounts;
import io.wharf.web.fakes.InMemoryAuthTokens;
import io.wharf.web.fakes.InMemoryUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordServiceTest {
    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private final PasswordService passwords = new PasswordService();
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryAuthTokens tokens = new InMemoryAuthTokens();
    private final io.wharf.web.fakes.RecordedEvents<CredentialsChanged> changes = new io.wharf.web.fakes.RecordedEvents<>();
    private Caller wharfAdmin;
    private Caller teamAdmin;
    private Caller alice;
    private Caller bob;

    @BeforeEach
    void setUp() {
        InMemoryAccounts accounts = new InMemoryAccounts();
        Account system = accounts.add(new Account("sys", new AccountName("wharf"), "p-sys", true, CREATED));
        Account team = accounts.add(new Account("team", new AccountName("team"), "p-team", false, CREATED));
        Account other = accounts.add(new Account("other", new AccountName("other"), "p-other", false, CREATED));
        wharfAdmin = Caller.of(users.add(new User("u-root", system.id(), new UserName("admin"), "h:root-secret-1", true,
                CREATED)), system);
        teamAdmin = Caller.of(users.add(new User("u-lead", team.id(), new UserName("lead"), "h:lead-secret-1", true,
                CREATED)), team);
        alice = Caller.of(users.add(new User("u-alice", team.id(), new UserName("alice"), "h:alice-secret-1", false,
                CREATED)), team);
        bob = Caller.of(users.add(new User("u-bob", other.id(), new UserName("bob"), "h:bob-secret-1", false, CREATED)),
                other);
        passwords.users = users;
        passwords.accounts = accounts;
        passwords.tokens = tokens;
        passwords.hasher = new PasswordHasher() {
            @Override
            public String hash(String password) {
                return "h:" + password;
            }

            @Override
            public boolean matches(String password, String storedHash) {
                return storedHash.equals("h:" + password);
            }
        };
        passwords.throttle = new LoginThrottle(new InMemoryLoginAttempts(), Clock.systemUTC());
        passwords.changed = changes;
        tokens.add(new AuthToken("d-alice", "u-alice", CREATED, CREATED.plusSeconds(86_400 * 365)));
        tokens.add(new AuthToken("d-lead", "u-lead", CREATED, CREATED.plusSeconds(86_400 * 365)));
    }

    private User user(String id) {
        return users.byId(id).orElseThrow();
    }

    @Test
    void aUserChangesTheirPasswordWithTheCurrentOne() {
        passwords.change("u-alice", "alice-secret-1", "alice-secret-2");
        assertEquals("h:alice-secret-2", user("u-alice").passwordHash());
        assertTrue(user("u-alice").credentialsChangedAt().isAfter(CREATED), "sessions begun before it end");
        assertFalse(user("u-alice").passwordChangeRequired());
    }

    @Test
    void aChangeRevokesOnlyThatUsersTokens() {
        passwords.change("u-alice", "alice-secret-1", "alice-secret-2");
        assertTrue(tokens.byDigest("d-alice").isEmpty());
        assertTrue(tokens.byDigest("d-lead").isPresent());
        assertEquals(java.util.List.of(new CredentialsChanged("u-alice")), changes.fired, "remembered logins are forgotten");
    }

    @Test
    void aWrongCurrentPasswordIsTheSame401AsAnUnknownUser() {
        WharfException wrong = assertThrows(WharfException.class,
                () -> passwords.change("u-alice", "guess-guess", "alice-secret-2"));
        WharfException unknown = assertThrows(WharfException.class,
                () -> passwords.change("u-nobody", "guess-guess", "alice-secret-2"));
        assertEquals(Failure.UNAUTHENTICATED, wrong.failure());
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals("h:alice-secret-1", user("u-alice").passwordHash());
    }

    @Test
    void repeatedWrongCurrentPasswordsAreThrottledLikeSignIns() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThrows(WharfException.class, () -> passwords.change("u-alice", "guess-guess", "alice-secret-2"));
        }
        WharfException blocked = assertThrows(WharfException.class,
                () -> passwords.change("u-alice", "alice-secret-1", "alice-secret-2"));
        assertEquals(Failure.THROTTLED, blocked.failure());
    }

    @Test
    void aNewPasswordFollowsThePasswordRuleNamingTheField() {
        WharfException refused = assertThrows(WharfException.class,
                () -> passwords.change("u-alice", "alice-secret-1", "short"));
        assertEquals(Failure.INVALID, refused.failure());
        assertEquals("password", refused.field());
    }

    @Test
    void theSamePasswordAgainIsRefused() {
        WharfException refused = assertThrows(WharfException.class,
                () -> passwords.change("u-alice", "alice-secret-1", "alice-secret-1"));
        assertEquals(Failure.INVALID, refused.failure());
    }

    @Test
    void anAccountsAdministratorSetsAUsersPasswordToBeChangedAtTheNextSignIn() {
        User set = passwords.reset(teamAdmin, "u-alice", "temporary-1", true);
        assertTrue(set.passwordChangeRequired());
        assertEquals("h:temporary-1", user("u-alice").passwordHash());
        assertTrue(user("u-alice").passwordChangeRequired());
        assertTrue(tokens.byDigest("d-alice").isEmpty());
    }

    @Test
    void changingThePasswordAnAdministratorSetClearsTheRequirement() {
        passwords.reset(teamAdmin, "u-alice", "temporary-1", true);
        passwords.change("u-alice", "temporary-1", "alice-own-2");
        assertFalse(user("u-alice").passwordChangeRequired());
    }

    @Test
    void wharfsAdministratorsSetAnyAccountsPasswords() {
        passwords.reset(wharfAdmin, "u-bob", "temporary-1", false);
        assertEquals("h:temporary-1", user("u-bob").passwordHash());
        assertFalse(user("u-bob").passwordChangeRequired());
    }

    @Test
    void anAccountsAdministratorCannotSeeAnotherAccountsUsers() {
        WharfException refused = assertThrows(WharfException.class,
                () -> passwords.reset(teamAdmin, "u-bob", "temporary-1", true));
        assertEquals(Failure.NOT_FOUND, refused.failure());
        assertEquals("h:bob-secret-1", user("u-bob").passwordHash());
    }

    @Test
    void aMemberCannotSetOthersPasswords() {
        WharfException refused = assertThrows(WharfException.class,
                () -> passwords.reset(alice, "u-lead", "temporary-1", true));
        assertEquals(Failure.FORBIDDEN, refused.failure());
    }

    @Test
    void anAdministratorChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        WharfException refused = assertThrows(WharfException.class,
                () -> passwords.reset(teamAdmin, "u-lead", "temporary-1", false));
        assertEquals(Failure.FORBIDDEN, refused.failure());
        assertEquals("h:lead-secret-1", user("u-lead").passwordHash());
    }

    @Test
    void theOperatorsRecoverySetsTheAdministratorsPasswordToBeChanged() {
        passwords.recover("admin", "recovered-1");
        assertEquals("h:recovered-1", user("u-root").passwordHash());
        assertTrue(user("u-root").passwordChangeRequired());
    }

    @Test
    void theRecoveryNamesAMissingAdministrator() {
        WharfException refused = assertThrows(WharfException.class, () -> passwords.recover("root", "recovered-1"));
        assertTrue(refused.getMessage().contains("WHARF_ADMIN_USER"), refused.getMessage());
    }
}
