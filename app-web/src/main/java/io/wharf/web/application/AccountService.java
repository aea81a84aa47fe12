package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.account.Password;
import io.wharf.domain.account.PasswordHasher;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.account.Users;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Accounts and their users. Wharf's administrators create accounts (each with its first user, the account's
 * administrator); an account's administrator adds users to that account.
 */
@ApplicationScoped
@UseCase
public class AccountService {
    @Inject
    Accounts accounts;
    @Inject
    Users users;
    @Inject
    PasswordHasher hasher;

    /** Creates an account with its administrator, both or neither. */
    public Account createAccount(Caller caller, String accountName, String adminName, String adminPassword) {
        requireSystemAdministrator(caller);
        return createAccount(new AccountName(accountName), false, new UserName(adminName), new Password(adminPassword));
    }

    Account createAccount(AccountName name, boolean system, UserName adminName, Password adminPassword) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Account account = accounts.add(new Account(Identifiers.newId(), name, Identifiers.newId(), system, now));
        users.add(new User(Identifiers.newId(), account.id(), adminName, hasher.hash(adminPassword.reveal()), true, now));
        return account;
    }

    public Page<Account> listAccounts(Caller caller, PageRequest page) {
        requireSystemAdministrator(caller);
        return new Page<>(accounts.list(page.offset(), page.limit()), accounts.count());
    }

    public Account account(Caller caller, String accountId) {
        Account account = accounts.byId(accountId).orElseThrow(
                () -> WharfException.notFound(Subject.ACCOUNT, "The account " + accountId + " does not exist."));
        if (!caller.systemAdministrator() && !caller.accountId().equals(accountId)) {
            throw WharfException.notFound(Subject.ACCOUNT, "The account " + accountId + " does not exist.");
        }
        return account;
    }

    /** Adds a user to an account: Wharf's administrators to any account, an account's administrator to their own. */
    public User createUser(Caller caller, String accountId, String userName, String password, boolean administrator) {
        Account account = account(caller, accountId);
        requireAccountAdministrator(caller);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return users.add(new User(Identifiers.newId(), account.id(), new UserName(userName),
                hasher.hash(new Password(password).reveal()), administrator, now));
    }

    public Page<User> listUsers(Caller caller, String accountId, PageRequest page) {
        account(caller, accountId);
        requireAccountAdministrator(caller);
        return new Page<>(users.ofAccount(accountId, page.offset(), page.limit()), users.countOfAccount(accountId));
    }

    /** Creates Wharf's administrators' account on first start; returns false when it already exists. */
    public boolean createSystemAccountIfMissing(String accountName, String userName, String password) {
        if (accounts.system().isPresent()) {
            return false;
        }
        createAccount(new AccountName(accountName), true, new UserName(userName), new Password(password));
        return true;
    }

    private static void requireSystemAdministrator(Caller caller) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators may manage accounts.");
        }
    }

    private static void requireAccountAdministrator(Caller caller) {
        if (!caller.accountAdministrator()) {
            throw WharfException.forbidden("Only an account's administrator may manage its users.");
        }
    }
}
