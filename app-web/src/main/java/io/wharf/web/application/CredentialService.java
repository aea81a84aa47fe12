package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.account.User;
import io.wharf.domain.account.Users;
import io.wharf.domain.credential.AccessKey;
import io.wharf.domain.credential.AccessKeys;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Access keys: a user creates, lists and deletes their own; an account's administrator those of the account's users.
 * The secret key is returned once, at creation, and stored only encrypted.
 */
@ApplicationScoped
@UseCase
public class CredentialService {
    static final int MAX_KEYS_PER_USER = 2;

    @Inject
    AccessKeys keys;
    @Inject
    Users users;
    @Inject
    SecretCipher cipher;

    protected CredentialService() {
    }

    /** For tests over in-memory ports. */
    CredentialService(AccessKeys keys, Users users, SecretCipher cipher) {
        this.keys = keys;
        this.users = users;
        this.cipher = cipher;
    }

    public IssuedAccessKey create(Caller caller, String userId, String description) {
        User user = owner(caller, userId);
        users.lock(user.id());
        if (keys.ofUser(user.id()).size() >= MAX_KEYS_PER_USER) {
            throw WharfException.limitReached(Subject.ACCESS_KEY,
                    "A user holds at most " + MAX_KEYS_PER_USER + " access keys; delete one first.");
        }
        String text = description == null ? "" : description;
        if (text.length() > 255) {
            throw WharfException.tooLong("description", "The description exceeds 255 characters.");
        }
        String secret = AccessKey.newSecret();
        AccessKey key = new AccessKey(AccessKey.newAccessKeyId(), user.id(), cipher.encrypt(secret), text,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        keys.add(key);
        return new IssuedAccessKey(key, secret);
    }

    public List<AccessKey> list(Caller caller, String userId) {
        return keys.ofUser(owner(caller, userId).id());
    }

    public void delete(Caller caller, String accessKeyId) {
        AccessKey key = keys.byId(accessKeyId)
                .filter(k -> mayManage(caller, users.byId(k.userId()).orElseThrow()))
                .orElseThrow(() -> WharfException.notFound(Subject.ACCESS_KEY, "No access key " + accessKeyId + "."));
        keys.remove(key);
    }

    private User owner(Caller caller, String userId) {
        String id = userId == null || userId.isBlank() ? caller.userId() : userId;
        return users.byId(id).filter(u -> mayManage(caller, u)).orElseThrow(() -> WharfException.forbidden(
                "You may manage only your own access keys, or your account's as its administrator."));
    }

    private static boolean mayManage(Caller caller, User user) {
        return user.id().equals(caller.userId())
                || (caller.accountAdministrator() && user.accountId().equals(caller.accountId()));
    }
}
