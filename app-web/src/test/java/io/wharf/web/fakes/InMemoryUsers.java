package io.wharf.web.fakes;

import io.wharf.domain.account.Caller;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.account.Users;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Users in a map: one thread per test, so {@link #lock} has nothing to wait for. */
public final class InMemoryUsers implements Users {
    private final Map<String, User> people = new ConcurrentSkipListMap<>();

    /** The users behind the given callers, as sign-in would have found them. */
    public static InMemoryUsers of(Caller... callers) {
        InMemoryUsers users = new InMemoryUsers();
        for (Caller c : callers) {
            users.add(new User(c.userId(), c.accountId(), new UserName(c.userName()), "hash", c.accountAdministrator(),
                    Instant.EPOCH));
        }
        return users;
    }

    @Override
    public User add(User user) {
        if (byName(user.accountId(), user.name()).isPresent()) {
            throw WharfException.exists(Subject.USER, "The user " + user.name() + " already exists.");
        }
        people.put(user.id(), user);
        return user;
    }

    private final Map<String, String> languages = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Optional<String> consoleLanguage(String userId) {
        return Optional.ofNullable(languages.get(userId));
    }

    @Override
    public void setConsoleLanguage(String userId, String languageTag) {
        languages.put(userId, languageTag);
    }

    @Override
    public void changePassword(String userId, String passwordHash, boolean changeRequired, Instant at) {
        people.computeIfPresent(userId, (id, user) -> user.withPassword(passwordHash, changeRequired, at));
    }

    @Override
    public Optional<User> byId(String id) {
        return Optional.ofNullable(people.get(id));
    }

    @Override
    public void lock(String id) {
    }

    @Override
    public Optional<User> byName(String accountId, UserName name) {
        return people.values().stream().filter(u -> u.accountId().equals(accountId) && u.name().equals(name)).findFirst();
    }

    @Override
    public List<User> ofAccount(String accountId, int offset, int limit) {
        return people.values().stream().filter(u -> u.accountId().equals(accountId)).skip(offset).limit(limit).toList();
    }

    @Override
    public long countOfAccount(String accountId) {
        return people.values().stream().filter(u -> u.accountId().equals(accountId)).count();
    }
}
