package io.wharf.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.issueToken;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IAM's token API and Wharf's account administration, against the running server. */
class IdentityApiIT {
    private static String admin;

    @BeforeAll
    static void signInAsAdministrator() {
        admin = adminToken();
    }

    @Test
    void aTokenIsIssuedInIamsShapeAndOnlyItsDigestIsKept() {
        WharfServer.TestAccount account = newAccount(admin, "iam");
        HttpResponse<String> response = issueToken(account.name(), "boss", account.adminPassword());
        assertEquals(201, response.statusCode());
        String secret = response.headers().firstValue("X-Subject-Token").orElseThrow();
        assertTrue(secret.length() >= 40);
        JsonObject token = json(response).getJsonObject("token");
        assertEquals("password", token.getJsonArray("methods").getString(0));
        assertEquals("boss", token.getJsonObject("user").getString("name"));
        assertEquals(account.name(), token.getJsonObject("user").getJsonObject("domain").getString("name"));
        assertEquals(account.id(), token.getJsonObject("user").getJsonObject("domain").getString("id"));
        assertEquals(32, token.getJsonObject("project").getString("id").length());
        assertTrue(token.getString("expires_at").compareTo(token.getString("issued_at")) > 0);
        assertFalse(response.body().contains(secret), "the secret travels only in the header");
    }

    @Test
    void aProjectScopeMustBeTheAccountsOwnProject() {
        WharfServer.TestAccount account = newAccount(admin, "scope");
        String project = json(issueToken(account.name(), "boss", account.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
        String scoped = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "boss", "password": "%s",
                 "domain": {"name": "%s"}}}}, "scope": {"project": {"id": "%s"}}}}""";
        assertEquals(201, call("POST", "/v3/auth/tokens", null, scoped.formatted(account.adminPassword(), account.name(), project)).statusCode());
        assertEquals(401, call("POST", "/v3/auth/tokens", null, scoped.formatted(account.adminPassword(), account.name(),
                "0123456789abcdef0123456789abcdef")).statusCode());
    }

    @Test
    void wrongPasswordsUnknownUsersAndUnknownAccountsAllAnswer401Alike() {
        WharfServer.TestAccount account = newAccount(admin, "wrong");
        HttpResponse<String> wrongPassword = issueToken(account.name(), "boss", "not-the-password");
        HttpResponse<String> unknownUser = issueToken(account.name(), "nobody", "whatever-1");
        HttpResponse<String> unknownAccount = issueToken(WharfServer.unique("none"), "boss", "whatever-1");
        for (HttpResponse<String> response : new HttpResponse[]{wrongPassword, unknownUser, unknownAccount}) {
            assertEquals(401, response.statusCode());
            assertEquals("SVCSTG.SWR.4010000", json(response).getString("error_code"));
        }
        assertEquals(json(wrongPassword).getString("error_msg"), json(unknownAccount).getString("error_msg"));
    }

    @Test
    void repeatedFailuresAreSlowedDownEvenForTheRightPassword() {
        WharfServer.TestAccount account = newAccount(admin, "slow");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, issueToken(account.name(), "boss", "guess-" + i).statusCode());
        }
        HttpResponse<String> blocked = issueToken(account.name(), "boss", account.adminPassword());
        assertEquals(429, blocked.statusCode());
        assertTrue(json(blocked).getString("error_msg").contains("try again"));
    }

    @Test
    void badTokenBodiesAre400WithTheMissingPartNamed() {
        assertEquals(400, call("POST", "/v3/auth/tokens", null, "{}").statusCode());
        HttpResponse<String> noDomain = call("POST", "/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"a\",\"password\":\"b\"}}}}}");
        assertEquals(400, noDomain.statusCode());
        assertTrue(json(noDomain).getString("error_msg").contains("domain.name"));
        assertEquals(400, call("POST", "/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"token\"]}}}").statusCode());
    }

    @Test
    void aRevokedTokenNoLongerWorksAndOthersAreUntouched() {
        WharfServer.TestAccount account = newAccount(admin, "revoke");
        String first = signIn(account.name(), "boss", account.adminPassword());
        String second = signIn(account.name(), "boss", account.adminPassword());
        assertNotEquals(first, second);
        HttpResponse<String> revoked = WharfServer.send(WharfServer.request("/v3/auth/tokens")
                .header("X-Auth-Token", second).header("X-Subject-Token", first).DELETE());
        assertEquals(204, revoked.statusCode());
        assertEquals(401, call("GET", "/v2/manage/namespaces", first, null).statusCode());
        assertEquals(200, call("GET", "/v2/manage/namespaces", second, null).statusCode());
    }

    @Test
    void aTokenCanBeCheckedByItsHolder() {
        WharfServer.TestAccount account = newAccount(admin, "check");
        HttpResponse<String> checked = WharfServer.send(WharfServer.request("/v3/auth/tokens")
                .header("X-Auth-Token", account.token()).header("X-Subject-Token", account.token()).GET());
        assertEquals(200, checked.statusCode());
        assertEquals("boss", json(checked).getJsonObject("token").getJsonObject("user").getString("name"));
    }

    @Test
    void onlyWharfsAdministratorsCreateAccountsAndNamesAreUnique() {
        WharfServer.TestAccount account = newAccount(admin, "plain");
        String body = "{\"account\": {\"name\": \"%s\", \"admin\": {\"name\": \"boss\", \"password\": \"long-enough-1\"}}}";
        HttpResponse<String> refused = call("POST", "/v3/accounts", account.token(), body.formatted(WharfServer.unique("x")));
        assertEquals(403, refused.statusCode());
        assertEquals("SVCSTG.SWR.4039002", json(refused).getString("error_code"));
        assertEquals(409, call("POST", "/v3/accounts", admin, body.formatted(account.name())).statusCode());
        HttpResponse<String> badName = call("POST", "/v3/accounts", admin, body.formatted("1-starts-with-digit"));
        assertEquals(400, badName.statusCode());
        HttpResponse<String> shortPassword = call("POST", "/v3/accounts", admin,
                "{\"account\": {\"name\": \"%s\", \"admin\": {\"name\": \"boss\", \"password\": \"short\"}}}"
                        .formatted(WharfServer.unique("pw")));
        assertEquals(400, shortPassword.statusCode());
        assertTrue(json(shortPassword).getString("error_msg").contains("8 to 128"));
    }

    @Test
    void anAccountsAdministratorAddsUsersWhoCanThenSignIn() {
        WharfServer.TestAccount account = newAccount(admin, "users");
        HttpResponse<String> created = call("POST", "/v3/users", account.token(),
                "{\"user\": {\"name\": \"dev.one\", \"password\": \"dev-password-1\"}}");
        assertEquals(201, created.statusCode());
        assertEquals(account.id(), json(created).getJsonObject("user").getString("domain_id"));
        assertFalse(created.body().contains("dev-password-1"));
        String member = signIn(account.name(), "dev.one", "dev-password-1");
        HttpResponse<String> listed = call("GET", "/v3/users", account.token(), null);
        assertEquals(2, json(listed).getInt("total"));
        assertFalse(listed.body().contains("pbkdf2"), "hashes never leave the server");
        assertEquals(403, call("POST", "/v3/users", member,
                "{\"user\": {\"name\": \"dev.two\", \"password\": \"dev-password-2\"}}").statusCode());
        WharfServer.TestAccount other = newAccount(admin, "others");
        assertEquals(404, call("POST", "/v3/users", other.token(),
                "{\"user\": {\"name\": \"intruder\", \"password\": \"intruder-1\", \"domain_id\": \"%s\"}}"
                        .formatted(account.id())).statusCode());
    }

    private static String userIdOf(String token) {
        HttpResponse<String> checked = WharfServer.send(WharfServer.request("/v3/auth/tokens").header("X-Auth-Token", token)
                .header("X-Subject-Token", token).GET());
        return json(checked).getJsonObject("token").getJsonObject("user").getString("id");
    }

    private static HttpResponse<String> changePassword(String userId, String original, String chosen) {
        return call("PUT", "/v3.0/OS-USER/users/" + userId + "/password", null,
                "{\"user\": {\"original_password\": \"%s\", \"password\": \"%s\"}}".formatted(original, chosen));
    }

    /** Issue 28: a user changes their own password; every token they held ends, the change is in their trail. */
    @Test
    void aUserChangesTheirPasswordAndTheirTokensEnd() {
        WharfServer.TestAccount account = newAccount(admin, "chpw");
        String userId = userIdOf(account.token());
        String project = json(issueToken(account.name(), "boss", account.adminPassword())).getJsonObject("token")
                .getJsonObject("project").getString("id");
        assertEquals(401, changePassword(userId, "not-the-password", "boss-New-Secret-2").statusCode());
        assertEquals(204, changePassword(userId, account.adminPassword(), "boss-New-Secret-2").statusCode());
        assertEquals(401, call("GET", "/v2/manage/namespaces", account.token(), null).statusCode(), "the old token ended");
        assertEquals(401, issueToken(account.name(), "boss", account.adminPassword()).statusCode());
        String fresh = signIn(account.name(), "boss", "boss-New-Secret-2");
        assertEquals(200, call("GET", "/v2/manage/namespaces", fresh, null).statusCode());
        JsonObject trace = json(call("GET", "/v3/" + project + "/traces?limit=50&resource_name=" + userId, fresh, null))
                .getJsonArray("traces").stream().map(t -> t.asJsonObject())
                .filter(t -> t.getString("code").equals("204")).findFirst().orElseThrow();
        assertEquals("boss", trace.getJsonObject("user").getString("name"));
    }

    /**
     * Issue 28: an account's administrator sets a user's password; the user's tokens end and, until they choose their
     * own, no token is issued to them and the registry refuses the password, both saying what to do.
     */
    @Test
    void anAdministratorSetsAPasswordThatMustBeChangedFirst() {
        WharfServer.TestAccount account = newAccount(admin, "resetpw");
        HttpResponse<String> created = call("POST", "/v3/users", account.token(),
                "{\"user\": {\"name\": \"alice\", \"password\": \"alice-Secret-1\"}}");
        String alice = json(created).getJsonObject("user").getString("id");
        String aliceToken = signIn(account.name(), "alice", "alice-Secret-1");
        HttpResponse<String> set = call("PUT", "/v3.0/OS-USER/users/" + alice, account.token(),
                "{\"user\": {\"password\": \"given-Secret-1\", \"pwd_status\": true}}");
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(json(set).getJsonObject("user").getBoolean("pwd_status"));
        assertEquals(401, call("GET", "/v2/manage/namespaces", aliceToken, null).statusCode(), "alice's token ended");
        HttpResponse<String> refused = issueToken(account.name(), "alice", "given-Secret-1");
        assertEquals(403, refused.statusCode());
        assertTrue(json(refused).getString("error_msg").contains("/v3.0/OS-USER/users/" + alice + "/password"));
        HttpResponse<String> registry = WharfServer.send(WharfServer.request("/v2/").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((account.name() + "/alice:given-Secret-1").getBytes())).GET());
        assertEquals(401, registry.statusCode());
        assertTrue(registry.body().contains("choose a new one first"), registry.body());
        assertEquals(204, changePassword(alice, "given-Secret-1", "alice-Own-Secret-2").statusCode());
        assertEquals(201, issueToken(account.name(), "alice", "alice-Own-Secret-2").statusCode());
    }

    @Test
    void onlyAdministratorsSetOthersPasswordsAndOnlyInTheirAccount() {
        WharfServer.TestAccount account = newAccount(admin, "pwrights");
        WharfServer.TestAccount other = newAccount(admin, "pwother");
        call("POST", "/v3/users", account.token(), "{\"user\": {\"name\": \"carol\", \"password\": \"carol-Secret-1\"}}");
        String carol = signIn(account.name(), "carol", "carol-Secret-1");
        String boss = userIdOf(account.token());
        String body = "{\"user\": {\"password\": \"given-Secret-1\"}}";
        assertEquals(403, call("PUT", "/v3.0/OS-USER/users/" + boss, carol, body).statusCode(), "a member");
        assertEquals(404, call("PUT", "/v3.0/OS-USER/users/" + boss, other.token(), body).statusCode(), "another account");
        assertEquals(403, call("PUT", "/v3.0/OS-USER/users/" + boss, account.token(), body).statusCode(), "oneself");
        assertEquals(200, call("PUT", "/v3.0/OS-USER/users/" + boss, admin, body).statusCode(), "Wharf's administrator");
    }

    @Test
    void badPasswordBodiesAre400NamingTheField() {
        WharfServer.TestAccount account = newAccount(admin, "pwbad");
        String userId = userIdOf(account.token());
        HttpResponse<String> missing = call("PUT", "/v3.0/OS-USER/users/" + userId + "/password", null, "{}");
        assertEquals(400, missing.statusCode());
        assertTrue(json(missing).getString("error_msg").contains("user.password"), missing.body());
        HttpResponse<String> noOriginal = call("PUT", "/v3.0/OS-USER/users/" + userId + "/password", null,
                "{\"user\": {\"password\": \"boss-New-Secret-2\"}}");
        assertEquals(400, noOriginal.statusCode());
        assertTrue(json(noOriginal).getString("error_msg").contains("user.original_password"), noOriginal.body());
        HttpResponse<String> tooShort = changePassword(userId, account.adminPassword(), "short");
        assertEquals(400, tooShort.statusCode());
        assertTrue(json(tooShort).getString("error_msg").contains("password"), tooShort.body());
        assertEquals(400, call("PUT", "/v3.0/OS-USER/users/" + userId + "/password", null, "not json").statusCode());
    }
}
