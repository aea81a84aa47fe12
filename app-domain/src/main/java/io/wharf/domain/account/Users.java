package io.wharf.domain.account;

import java.util.List;
import java.util.Optional;

/** The users of every account. */
public interface Users {

    /** Stores a new user; a name taken inside the same account fails as {@code Failure.EXISTS}. */
    User add(User user);

    Optional<User> byId(String id);

    /** Locks the user until the transaction ends, so that a limit on what the user holds is checked one request at a time. */
    void lock(String id);

    Optional<User> byName(String accountId, UserName name);

    List<User> ofAccount(String accountId, int offset, int limit);

    long countOfAccount(String accountId);

    /** The console language the user chose ("en", "zh-CN"), if they chose one. */
    Optional<String> consoleLanguage(String userId);

    void setConsoleLanguage(String userId, String languageTag);

    /** Stores the user's new password hash, when it changed, and whether they must choose another at once. */
    void changePassword(String userId, String passwordHash, boolean changeRequired, java.time.Instant at);
}
