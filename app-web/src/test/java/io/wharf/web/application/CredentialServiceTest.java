package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.credential.AccessKey;
import io.wharf.domain.credential.AccessKeys;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.web.fakes.InMemoryUsers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Access keys over in-memory ports: at most two per user, the secret shown once and stored sealed, who manages whose. */
class CredentialServiceTest {
    private static final Caller ADMIN = new Caller("u-admin", "alice", "acct-a", "a", "p", true, false);
    private static final Caller MEMBER = new Caller("u-member", "mike", "acct-a", "a", "p", false, false);
    private static final Caller OUTSIDER = new Caller("u-out", "bob", "acct-b", "b", "p", true, false);

    private final List<AccessKey> stored = new ArrayList<>();
    private final InMemoryUsers users = InMemoryUsers.of(ADMIN, MEMBER, OUTSIDER);
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
    }, users, new SecretCipher() {
        @Override
        public String encrypt(String plaintext) {
            return "sealed:" + new StringBuilder(plaintext).reverse();
        }

        @Override
        public String decrypt(String ciphertext) {
            return new StringBuilder(ciphertext.substring(7)).reverse().toString();
        }
    });

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
