package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.account.Users;
import io.wharf.domain.credential.AccessKey;
import io.wharf.domain.credential.AccessKeys;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Access keys over in-memory ports: at most two per user, the secret shown once and stored sealed, who manages whose. */
class CredentialServiceTest {
    private static final Caller ADMIN = new Caller("u-admin", "alice", "acct-a", "a", "p", true, false);
    private static final Caller MEMBER = new Caller("u-member", "mike", "acct-a", "a", "p", false, false);
    private static final Caller OUTSIDER = new Caller("u-out", "bob", "acct-b", "b", "p", true, false);

    private final List<AccessKey> stored = new ArrayList<>();
    private final Map<String, User> people = new ConcurrentHashMap<>();
    private final CredentialService service = new CredentialService(new AccessKeys() {
        @Override
        public void add(AccessKey key) {
            stored.add(key);
        }

        @Override
        public Optional<AccessKey> byId(String accessKeyId) {
            return stored.stream().filter(k -> k.accessKeyId().equals(accessKeyId)).findFirst();
        }

        @Override
        public List<AccessKey> ofUser(String userId) {
            return stored.stream().filter(k -> k.userId().equals(userId)).toList();
        }

        @Override
        public void remove(AccessKey key) {
            stored.remove(key);
        }
    }, new Users() {
        @Override
        public User add(User user) {
            people.put(user.id(), user);
            return user;
        }

        @Override
        public Optional<User> byId(String id) {
            return Optional.ofNullable(people.get(id));
        }

        @Override
        public void lock(String id) {
            // One thread here: nothing races.
        }

        @Override
        public Optional<User> byName(String accountId, UserName name) {
            return people.values().stream().filter(u -> u.accountId().equals(accountId) && u.name().equals(name)).findFirst();
        }

        @Override
        public List<User> ofAccount(String accountId, int offset, int limit) {
            return people.values().stream().filter(u -> u.accountId().equals(accountId)).toList();
        }

        @Override
        public long countOfAccount(String accountId) {
            return ofAccount(accountId, 0, Integer.MAX_VALUE).size();
        }
    }, new SecretCipher() {
        @Override
        public String encrypt(String plaintext) {
            return "sealed:" + new StringBuilder(plaintext).reverse();
        }

        @Override
        public String decrypt(String ciphertext) {
            return new StringBuilder(ciphertext.substring(7)).reverse().toString();
        }
    });

    {
        for (Caller c : List.of(ADMIN, MEMBER, OUTSIDER)) {
            people.put(c.userId(), new User(c.userId(), c.accountId(), new UserName(c.userName()), "hash",
                    c.accountAdministrator(), Instant.now()));
        }
    }

    @Test
    void aUserHoldsAtMostTwoKeys() {
        service.create(MEMBER, null, "first");
        service.create(MEMBER, null, "second");
        WharfException third = assertThrows(WharfException.class, () -> service.create(MEMBER, null, "third"));
        assertEquals(Failure.LIMIT_REACHED, third.failure());
        assertEquals(2, service.list(MEMBER, null).size());
    }

    @Test
    void theSecretIsReturnedOnceAndStoredOnlySealed() {
        IssuedAccessKey issued = service.create(MEMBER, null, "ci");
        AccessKey key = stored.get(0);
        assertNotEquals(issued.secret(), key.encryptedSecret());
        assertEquals(issued.secret(), new StringBuilder(key.encryptedSecret().substring(7)).reverse().toString());
    }

    @Test
    void anAdministratorManagesTheAccountsKeysAndNobodyElsesAcrossAccounts() {
        service.create(ADMIN, MEMBER.userId(), "for mike");
        assertEquals(1, service.list(MEMBER, null).size());
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.create(MEMBER, ADMIN.userId(), "not mine")).failure());
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.create(OUTSIDER, MEMBER.userId(), "other account")).failure());
        String id = stored.get(0).accessKeyId();
        assertEquals(Failure.NOT_FOUND, assertThrows(WharfException.class, () -> service.delete(OUTSIDER, id)).failure());
        service.delete(MEMBER, id);
        assertEquals(0, stored.size());
    }
}
