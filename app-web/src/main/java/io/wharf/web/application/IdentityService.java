package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.account.PasswordHasher;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.account.Users;
import io.wharf.domain.credential.AccessKey;
import io.wharf.domain.credential.AccessKeys;
import io.wharf.domain.credential.RequestSigner;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.credential.SignedRequest;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.token.AuthToken;
import io.wharf.domain.token.AuthTokens;
import io.wharf.domain.token.TokenSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeClassInterceptors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Signs users in with their password, issues and revokes tokens, and tells who a token belongs to. */
@ApplicationScoped
@UseCase
public class IdentityService {
    private static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(IdentityService.class.getName());
    private static final String BAD_CREDENTIALS = "The account name, user name or password is wrong.";

    @Inject
    Accounts accounts;
    @Inject
    Users users;
    @Inject
    AuthTokens tokens;
    @Inject
    PasswordHasher hasher;
    @Inject
    LoginThrottle throttle;
    @Inject
    WharfSettings settings;

    @Inject
    AccessKeys accessKeys;
    @Inject
    SecretCipher cipher;
    @Inject
    RequestSigner signer;

    /** A hash to compare against when the user does not exist, so both failures take the same time. */
    private volatile String decoyHash;

    /** Checks a password and, when it matches, returns the user and account, else a 401 (slowed down if repeated). */
    public Caller signIn(PasswordCredentials credentials) {
        Verified verified = verify(credentials);
        return Caller.of(verified.user(), verified.account());
    }

    /**
     * Signs in to the console: the caller and whether they must choose a new password before anything else (an
     * administrator set the one they signed in with).
     */
    public Session signInToConsole(PasswordCredentials credentials) {
        Verified verified = verify(credentials);
        return new Session(Caller.of(verified.user(), verified.account()), verified.user().passwordChangeRequired());
    }

    /** A console session's caller, and whether they must change their password first. */
    public record Session(Caller caller, boolean passwordChangeRequired) {
    }

    /**
     * The caller of a console session begun at {@code signedInAt}: a 401 when the user no longer exists or their
     * password changed since (every session begun before a change ends with it).
     */
    public Session sessionOf(String userId, Instant signedInAt) {
        User user = users.byId(userId).filter(u -> signedInAt != null && !u.credentialsChangedAt().isAfter(signedInAt))
                .orElseThrow(() -> WharfException.unauthenticated("The session's user no longer exists or their password"
                        + " changed; sign in again."));
        return new Session(Caller.of(user, accounts.byId(user.accountId()).orElseThrow()), user.passwordChangeRequired());
    }

    /** The refusal of anything but a password change to a user whose password an administrator set. */
    static WharfException passwordChangeRequired(User user) {
        return WharfException.forbidden("The password of this user was set by an administrator: choose a new one first"
                + " (PUT /v3.0/OS-USER/users/" + user.id() + "/password with the current one, or the console).");
    }

    /** A user whose password matched, with the account it was looked up in. */
    private record Verified(User user, Account account) {
    }

    private Verified verify(PasswordCredentials credentials) {
        String key = credentials.accountName() + "/" + credentials.userName();
        Optional<Verified> user = findUser(credentials.accountName(), credentials.userName());
        String password = credentials.password() == null ? "" : credentials.password();
        LoginThrottle.Outcome outcome = throttle.attempt(key, () -> {
            if (user.isEmpty()) {
                hasher.matches(password, decoy());
                return false;
            }
            return hasher.matches(password, user.get().user().passwordHash());
        });
        if (outcome.blocked()) {
            LOG.warning("Sign-in refused unchecked for " + printable(key) + " from " + RequestOrigin.address()
                    + ": too many failures in a row; blocked for " + outcome.retryAfter().toSeconds() + " s more.");
            throw LoginThrottle.tooManyAttempts(outcome.retryAfter());
        }
        if (!outcome.matched()) {
            LOG.warning("Failed sign-in for " + printable(key) + " from " + RequestOrigin.address() + ": "
                    + (user.isEmpty() ? "no such account or user." : "wrong password."));
            throw WharfException.unauthenticated(BAD_CREDENTIALS);
        }
        return user.orElseThrow();
    }

    /** A name as a client typed it, safe for one log line: control characters replaced, at most 130 characters. */
    static String printable(String typed) {
        String safe = typed.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
        return safe.length() > 130 ? safe.substring(0, 130) + "..." : safe;
    }

    /** Signs in and issues a token; an optional project scope must name the account's own project. */
    public IssuedToken issueToken(PasswordCredentials credentials, String scopedProjectId, String scopedProjectName) {
        Verified verified = verify(credentials);
        if (verified.user().passwordChangeRequired()) {
            throw passwordChangeRequired(verified.user());
        }
        Account account = verified.account();
        if ((scopedProjectId != null && !scopedProjectId.equals(account.projectId()))
                || (scopedProjectName != null && !scopedProjectName.equals(settings.region()))) {
            throw WharfException.unauthenticated("The requested project is not this account's.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tokens.removeExpired(now);
        String secret = TokenSecret.generate();
        AuthToken token = new AuthToken(TokenSecret.digest(secret), verified.user().id(), now,
                now.plus(settings.tokenLifetime()));
        tokens.add(token);
        return new IssuedToken(secret, token, verified.user(), account);
    }

    /**
     * The caller a token stands for; a missing token, an unknown one and an expired one are all 401. Three reads by
     * key and no writes, so no transaction of its own: beginning and committing one cost more than the reads (every
     * API request comes here before its use case).
     */
    @ExcludeClassInterceptors
    public Caller authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw WharfException.anonymous();
        }
        Caller caller;
        try {
            caller = callerOfToken(secret);
        } catch (RuntimeException e) {
            throw DatabaseFailures.translated(e);
        }
        DatabaseFailures.answered();
        return caller;
    }

    private Caller callerOfToken(String secret) {
        AuthTokens.Holder holder = tokens.withHolder(TokenSecret.digest(secret.strip()))
                .filter(h -> !h.token().isExpiredAt(Instant.now()))
                .orElseThrow(() -> WharfException.unauthenticated(
                        "The token is unknown, revoked or expired, or its user no longer exists; obtain a new one."));
        if (holder.user().passwordChangeRequired()) {
            throw passwordChangeRequired(holder.user());
        }
        return Caller.of(holder.user(), holder.account());
    }

    /**
     * The caller of an AK/SK-signed request: the key must exist, the date be within 15 minutes of now, and the
     * signature recomputed with the key's secret match. Every failure is the same 401.
     */
    public Caller authenticateSigned(String accessKeyId, List<String> signedHeaders, String signature,
                                     SignedRequest request, String sdkDate) {
        WharfException refused = WharfException.unauthenticated(
                "The request signature does not match, its key is unknown, or its X-Sdk-Date is not within 15 minutes.");
        AccessKey key = accessKeys.byId(accessKeyId).orElseThrow(() -> refused);
        Instant signedAt;
        try {
            signedAt = SDK_DATE.parse(sdkDate == null ? "" : sdkDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw refused;
        }
        if (Duration.between(signedAt, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            throw refused;
        }
        String expected = signer.sign(request, signedHeaders, sdkDate, cipher.decrypt(key.encryptedSecret()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                String.valueOf(signature).getBytes(StandardCharsets.UTF_8))) {
            throw refused;
        }
        return callerOfUser(key.userId());
    }

    /** The caller a console session stands for; a user who no longer exists is a 401. */
    public Caller callerOfUser(String userId) {
        User user = users.byId(userId).orElseThrow(() -> WharfException.unauthenticated("The token's user no longer exists."));
        return Caller.of(user, accounts.byId(user.accountId()).orElseThrow());
    }

    /** The console language the signed-in user chose, if any. */
    public Optional<String> consoleLanguage(Caller caller) {
        return users.consoleLanguage(caller.userId());
    }

    /** Remembers the console language the user chose with the switcher ("en" or "zh-CN"). */
    public void chooseConsoleLanguage(Caller caller, String languageTag) {
        users.setConsoleLanguage(caller.userId(), languageTag);
    }

    /** A valid token's details, for IAM's token check (the secret itself is not returned again). */
    public IssuedToken describe(String secret) {
        Caller owner = authenticate(secret);
        AuthToken token = tokens.byDigest(TokenSecret.digest(secret.strip())).orElseThrow();
        return new IssuedToken(null, token, users.byId(owner.userId()).orElseThrow(),
                accounts.byId(owner.accountId()).orElseThrow());
    }

    /**
     * The caller behind a registry login (HTTP Basic), in any of the forms docker clients are given:
     * {@code <account>/<user>} with the user's password; {@code <region>@<AK>} with the login key
     * {@code hex(HMAC-SHA256(SK, AK))} as the real service derives it; {@code <AK>} with the SK itself; and
     * {@code <region>@<user id>} with a temporary login secret from {@code POST /v2/manage/utils/secret}.
     * Every failure is the same 401.
     */
    public Caller registryLogin(String username, String password) {
        WharfException refused = WharfException.unauthenticated(
                "The registry login's user name or password is wrong.");
        if (username == null || password == null || username.isBlank()) {
            throw refused;
        }
        int slash = username.indexOf('/');
        if (slash > 0) {
            Verified verified = verify(new PasswordCredentials(username.substring(0, slash), username.substring(slash + 1),
                    password));
            if (verified.user().passwordChangeRequired()) {
                throw passwordChangeRequired(verified.user());
            }
            return Caller.of(verified.user(), verified.account());
        }
        int at = username.indexOf('@');
        String subject = at >= 0 ? username.substring(at + 1) : username;
        Optional<AccessKey> key = accessKeys.byId(subject);
        if (key.isPresent()) {
            String secret = cipher.decrypt(key.get().encryptedSecret());
            String expected = at >= 0 ? LoginKey.of(subject, secret) : secret;
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
                return callerOfUser(key.get().userId());
            }
            throw refused;
        }
        if (at >= 0) {
            AuthToken login = tokens.byDigest(TokenSecret.digest(LoginKey.TEMPORARY_PREFIX + password))
                    .filter(t -> !t.isExpiredAt(Instant.now()) && t.userId().equals(subject))
                    .orElseThrow(() -> refused);
            return callerOfUser(login.userId());
        }
        throw refused;
    }

    /**
     * A temporary docker login for the caller: user name {@code <region>@<user id>} and a random secret valid for
     * {@link LoginKey#TEMPORARY_LIFETIME}. Only its digest is stored, kept apart from API tokens so that a docker
     * login secret is never an {@code X-Auth-Token}.
     */
    public LoginKey temporaryLogin(Caller caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String secret = TokenSecret.generate();
        tokens.add(new AuthToken(TokenSecret.digest(LoginKey.TEMPORARY_PREFIX + secret), caller.userId(), now,
                now.plus(LoginKey.TEMPORARY_LIFETIME)));
        return new LoginKey(settings.region() + "@" + caller.userId(), secret, now.plus(LoginKey.TEMPORARY_LIFETIME));
    }

    /** Revokes a token of the caller's own; Wharf's administrators may revoke anyone's. */
    public void revoke(Caller caller, String secret) {
        if (secret == null || secret.isBlank()) {
            throw WharfException.invalid("X-Subject-Token", "X-Subject-Token names the token to revoke.");
        }
        String digest = TokenSecret.digest(secret.strip());
        AuthToken token = tokens.byDigest(digest).orElseThrow(
                () -> WharfException.notFound(Subject.TOKEN, "The token to revoke does not exist."));
        if (!token.userId().equals(caller.userId()) && !caller.systemAdministrator()) {
            throw WharfException.forbidden("Only the token's owner may revoke it.");
        }
        tokens.remove(digest);
    }

    private Optional<Verified> findUser(String accountName, String userName) {
        try {
            return accounts.byName(new AccountName(accountName))
                    .flatMap(account -> users.byName(account.id(), new UserName(userName))
                            .map(user -> new Verified(user, account)));
        } catch (WharfException malformedName) {
            return Optional.empty();
        }
    }

    private String decoy() {
        if (decoyHash == null) {
            decoyHash = hasher.hash(TokenSecret.generate());
        }
        return decoyHash;
    }
}
