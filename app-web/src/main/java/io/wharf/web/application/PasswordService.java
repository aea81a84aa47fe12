package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.account.Password;
import io.wharf.domain.account.PasswordHasher;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.account.Users;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.token.AuthTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/**
 * Passwords change: a user chooses a new one with the current one; an administrator sets another user's (Wharf's
 * administrators anyone's, an account's administrator its users'), and that user must choose their own at the next
 * sign-in; an operator with the server's files recovers a lost administrator password. Every change revokes the
 * user's tokens and temporary logins and ends their console sessions begun before it (access keys are credentials of
 * their own and stay).
 */
@ApplicationScoped
@UseCase
public class PasswordService {
    private static final Logger LOG = Logger.getLogger(PasswordService.class.getName());
    static final String WRONG_PASSWORD = "The user or the current password is wrong.";

    @Inject
    Users users;
    @Inject
    Accounts accounts;
    @Inject
    AuthTokens tokens;
    @Inject
    PasswordHasher hasher;
    @Inject
    LoginThrottle throttle;
    @Inject
    jakarta.enterprise.event.Event<CredentialsChanged> changed;

    /** The user changes their own password; the current one is checked (and throttled) as a sign-in is. */
    public Caller change(String userId, String current, String chosen) {
        Password next = new Password(chosen);
        User user = userId == null ? null : users.byId(userId).orElse(null);
        Account account = user == null ? null : accounts.byId(user.accountId()).orElseThrow();
        String login = user == null ? "unknown/" + IdentityService.printable(String.valueOf(userId)) : account.name().value() + "/" + user.name().value();
        LoginThrottle.Outcome outcome = throttle.attempt(login,
                () -> user != null && hasher.matches(current == null ? "" : current, user.passwordHash()));
        if (outcome.blocked()) {
            throw LoginThrottle.tooManyAttempts(outcome.retryAfter());
        }
        if (!outcome.matched()) {
            LOG.warning("A password change for " + login + " from " + RequestOrigin.address()
                    + " was refused: the current password is wrong.");
            throw WharfException.unauthenticated(WRONG_PASSWORD);
        }
        if (hasher.matches(next.reveal(), user.passwordHash())) {
            throw WharfException.invalid("password", "Invalid password: choose one that differs from the current one");
        }
        store(user, account, next, false, user.name().value());
        return Caller.of(user, account);
    }

    /** An administrator sets another user's password; with {@code changeRequired} the user must replace it first. */
    public User reset(Caller caller, String userId, String chosen, boolean changeRequired) {
        User user = users.byId(userId == null ? "" : userId)
                .filter(u -> caller.systemAdministrator() || u.accountId().equals(caller.accountId()))
                .orElseThrow(() -> WharfException.notFound(Subject.USER, "The user " + userId + " does not exist."));
        if (!caller.accountAdministrator()) {
            throw WharfException.forbidden("Only an account's administrator may set its users' passwords.");
        }
        if (user.id().equals(caller.userId())) {
            throw WharfException.forbidden("Change your own password with your current one"
                    + " (PUT /v3.0/OS-USER/users/{user_id}/password, or the console's Password page).");
        }
        Password next = new Password(chosen);
        Account account = accounts.byId(user.accountId()).orElseThrow();
        return store(user, account, next, changeRequired, caller.accountName() + "/" + caller.userName());
    }

    /**
     * The operator's recovery of a lost administrator password (a file in the data directory, read at start): the
     * user of Wharf's administrators' account gets {@code chosen} and must change it at the next sign-in.
     */
    public User recover(String userName, String chosen) {
        Account system = accounts.system().orElseThrow(() -> WharfException.notFound(Subject.ACCOUNT,
                "Wharf has no administrators' account yet: it is created at the first start."));
        User user = users.byName(system.id(), new UserName(userName)).orElseThrow(() -> WharfException.notFound(
                Subject.USER, "Wharf's administrators' account has no user " + userName + " (set WHARF_ADMIN_USER)."));
        return store(user, system, new Password(chosen), true, "the operator (recovery file)");
    }

    private User store(User user, Account account, Password next, boolean changeRequired, String by) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hasher.hash(next.reveal());
        users.changePassword(user.id(), hash, changeRequired, now);
        int revoked = tokens.removeOfUser(user.id());
        changed.fire(new CredentialsChanged(user.id()));
        LOG.info("The password of " + account.name().value() + "/" + user.name().value() + " was changed by " + by
                + (changeRequired ? " (to be changed at the next sign-in)" : "") + "; " + revoked + " token(s) revoked.");
        return user.withPassword(hash, changeRequired, now);
    }
}
