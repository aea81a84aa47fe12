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

/** Registries an account syncs from: registered with credentials that never come back, per account, by administrators. */
class SyncRegistriesIT {
    private static WharfServer.TestAccount owner;
    private static WharfServer.TestAccount other;

    @BeforeAll
    static void accounts() {
        String admin = adminToken();
        owner = newAccount(admin, "syncer");
        other = newAccount(admin, "syncother");
    }

    private static String registries(WharfServer.TestAccount account) {
        String project = json(issueToken(account.name(), account.adminName(), account.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
        return "/v5/" + project + "/image/registries";
    }

    @Test
    void registeredWithCredentialsThatAreNeverReturned() {
        String path = registries(owner);
        HttpResponse<String> harbor = call("POST", path, owner.token(), """
                {"registry_name": "harbor-prod", "registry_type": "Harbor", "registry_url": "https://harbor.example.com/",
                 "username": "robot$sync", "password": "s3cret-Pass"}""");
        assertEquals(201, harbor.statusCode(), harbor.body());
        assertFalse(harbor.body().contains("s3cret"), harbor.body());
        JsonObject created = json(harbor);
        assertEquals("https://harbor.example.com", created.getString("registry_url"));
        assertEquals(201, call("POST", path, owner.token(), "{\"registry_name\": \"mine\", \"registry_type\": \"SwrPrivate\"}")
                .statusCode());

        HttpResponse<String> listed = call("GET", path, owner.token(), null);
        assertEquals(200, listed.statusCode());
        assertFalse(listed.body().contains("s3cret"), listed.body());
        assertEquals(2, json(listed).getInt("total_num"));
        assertEquals(0, json(call("GET", registries(other), other.token(), null)).getInt("total_num"));

        assertEquals(409, call("POST", path, owner.token(), "{\"registry_name\": \"mine\", \"registry_type\": \"SwrShared\"}")
                .statusCode());
        assertEquals(400, call("POST", path, owner.token(), "{\"registry_name\": \"x\", \"registry_type\": \"Quay\"}")
                .statusCode());
        assertEquals(400, call("POST", path, owner.token(), "{\"registry_name\": \"x\", \"registry_type\": \"Other\"}")
                .statusCode(), "a remote registry needs its URL");
        assertEquals(400, call("POST", path, owner.token(), "{\"registry_name\": \"x\", \"registry_type\": \"Other\","
                + " \"registry_url\": \"ftp://host\"}").statusCode());
        assertEquals(400, call("POST", path, owner.token(), "{\"registry_name\": \"x\", \"registry_type\": \"Other\","
                + " \"registry_url\": \"https://user:pw@host\"}").statusCode(), "credentials go in their own fields");
        assertEquals(400, call("POST", path, owner.token(), "{\"registry_name\": \"bad name!\", \"registry_type\": \"SwrPrivate\"}")
                .statusCode());

        long id = created.getJsonNumber("registry_id").longValue();
        assertEquals(403, call("GET", path, other.token(), null).statusCode(), "another account's project");
        assertEquals(404, call("DELETE", registries(other) + "/" + id, other.token(), null).statusCode(),
                "another account's registry looks missing");
        assertEquals(204, call("DELETE", path + "/" + id, owner.token(), null).statusCode());
        assertEquals(1, json(call("GET", path, owner.token(), null)).getInt("total_num"));
    }

    @Test
    void onlyTheAccountsAdministratorsRegister() {
        String userPassword = "pw-user-Secret-9";
        assertEquals(201, call("POST", "/v3/users", owner.token(), """
                {"user": {"name": "dev", "password": "%s"}}""".formatted(userPassword)).statusCode());
        String user = signIn(owner.name(), "dev", userPassword);
        String path = registries(owner);
        assertEquals(403, call("POST", path, user, "{\"registry_name\": \"dev-reg\", \"registry_type\": \"SwrPrivate\"}")
                .statusCode());
        assertEquals(200, call("GET", path, user, null).statusCode(), "but every user of the account sees them");
    }
}
