package io.wharf.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.signIn;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organizations exactly as the pages describe them, and what one account may see of another's. */
class NamespacesApiIT {
    private static String admin;

    @BeforeAll
    static void signInAsAdministrator() {
        admin = adminToken();
    }

    private static HttpResponse<String> create(String token, String name) {
        return call("POST", "/v2/manage/namespaces", token, "{\"namespace\": \"" + name + "\"}");
    }

    @Test
    void createQueryAndDeleteAsThePagesScenarioDoes() {
        WharfServer.TestAccount account = newAccount(admin, "scenario");
        String name = unique("group-");
        HttpResponse<String> created = create(account.token(), name);
        assertEquals(201, created.statusCode());
        assertEquals("{}", created.body());

        HttpResponse<String> listed = call("GET", "/v2/manage/namespaces?filter=namespace::" + name, account.token(), null);
        assertEquals(200, listed.statusCode());
        JsonArray namespaces = json(listed).getJsonArray("namespaces");
        assertEquals(1, namespaces.size());
        JsonObject one = namespaces.getJsonObject(0);
        assertEquals(name, one.getString("name"));
        assertEquals("boss", one.getString("creator_name"));
        assertEquals(7, one.getInt("auth"));
        assertTrue(one.getJsonNumber("id").isIntegral());

        HttpResponse<String> shown = call("GET", "/v2/manage/namespaces/" + name, account.token(), null);
        assertEquals(200, shown.statusCode());
        assertEquals(one, json(shown));

        assertEquals(204, call("DELETE", "/v2/manage/namespaces/" + name, account.token(), null).statusCode());
        HttpResponse<String> gone = call("GET", "/v2/manage/namespaces/" + name, account.token(), null);
        assertEquals(404, gone.statusCode());
        assertEquals("SVCSTG.SWR.4040058", json(gone).getString("error_code"));
        assertEquals(404, call("DELETE", "/v2/manage/namespaces/" + name, account.token(), null).statusCode());
    }

    @Test
    void namesAreGlobalBecauseTheyAreImagePaths() {
        WharfServer.TestAccount first = newAccount(admin, "first");
        WharfServer.TestAccount second = newAccount(admin, "second");
        String name = unique("shared-name-");
        assertEquals(201, create(first.token(), name).statusCode());
        HttpResponse<String> again = create(first.token(), name);
        HttpResponse<String> elsewhere = create(second.token(), name);
        for (HttpResponse<String> conflict : List.of(again, elsewhere)) {
            assertEquals(409, conflict.statusCode());
            assertEquals("SVCSTG.SWR.4090060", json(conflict).getString("error_code"));
            assertEquals("SVCSTG.SWR.4090060", json(conflict).getString("errorCode"));
        }
    }

    @Test
    void badNamesAre400NamingTheBrokenRule() {
        WharfServer.TestAccount account = newAccount(admin, "names");
        List<List<String>> cases = List.of(
                List.of("Upper", "only lowercase letters"),
                List.of("9lives", "start with a lowercase letter"),
                List.of("ends-", "end with a lowercase letter or digit"),
                List.of("a..b", "cannot be placed next to each other"),
                List.of("a___b", "two consecutive underscores"),
                List.of("a".repeat(65), "1 to 64 characters"),
                List.of("", "1 to 64 characters"));
        for (List<String> c : cases) {
            HttpResponse<String> refused = create(account.token(), c.get(0));
            assertEquals(400, refused.statusCode(), c.get(0));
            assertEquals("SVCSTG.SWR.4001028", json(refused).getString("error_code"));
            assertTrue(json(refused).getString("error_msg").contains(c.get(1)), refused.body());
        }
        assertEquals(0, json(call("GET", "/v2/manage/namespaces", account.token(), null)).getJsonArray("namespaces").size());
        assertEquals(400, call("POST", "/v2/manage/namespaces", account.token(), "{}").statusCode());
        assertEquals(400, call("GET", "/v2/manage/namespaces/Bad..Name", account.token(), null).statusCode());
    }

    @Test
    void anotherAccountsOrganizationsCannotBeSeenOrTouched() {
        WharfServer.TestAccount owner = newAccount(admin, "owner");
        WharfServer.TestAccount stranger = newAccount(admin, "stranger");
        String name = unique("private-");
        assertEquals(201, create(owner.token(), name).statusCode());

        assertEquals(404, call("GET", "/v2/manage/namespaces/" + name, stranger.token(), null).statusCode());
        assertEquals(404, call("DELETE", "/v2/manage/namespaces/" + name, stranger.token(), null).statusCode());
        assertEquals(0, json(call("GET", "/v2/manage/namespaces?namespace=" + name, stranger.token(), null))
                .getJsonArray("namespaces").size());
        assertEquals(0, json(call("GET", "/v2/manage/namespaces", admin, null)).getJsonArray("namespaces").stream()
                .filter(n -> n.asJsonObject().getString("name").equals(name)).count(),
                "not even Wharf's administrator sees into an account");
        assertEquals(200, call("GET", "/v2/manage/namespaces/" + name, owner.token(), null).statusCode());
    }

    @Test
    void aMemberSeesWhatTheyCreatedAndNotTheAdministratorsOrganizations() {
        WharfServer.TestAccount account = newAccount(admin, "team");
        assertEquals(201, call("POST", "/v3/users", account.token(),
                "{\"user\": {\"name\": \"member\", \"password\": \"member-pass-1\"}}").statusCode());
        String member = signIn(account.name(), "member", "member-pass-1");
        String bosses = unique("boss-org-");
        String members = unique("member-org-");
        assertEquals(201, create(account.token(), bosses).statusCode());
        assertEquals(201, create(member, members).statusCode());

        JsonArray seenByMember = json(call("GET", "/v2/manage/namespaces", member, null)).getJsonArray("namespaces");
        assertEquals(1, seenByMember.size());
        assertEquals(members, seenByMember.getJsonObject(0).getString("name"));
        assertEquals(404, call("DELETE", "/v2/manage/namespaces/" + bosses, member, null).statusCode());
        assertEquals(2, json(call("GET", "/v2/manage/namespaces", account.token(), null)).getJsonArray("namespaces").size());
    }

    @Test
    void theListFiltersAndPages() {
        WharfServer.TestAccount account = newAccount(admin, "lists");
        for (String name : List.of("alpha", "beta", "gamma", "alphabet")) {
            assertEquals(201, create(account.token(), name + "-" + account.name().toLowerCase()).statusCode());
        }
        assertEquals(2, json(call("GET", "/v2/manage/namespaces?namespace=alpha", account.token(), null))
                .getJsonArray("namespaces").size());
        assertEquals(2, json(call("GET", "/v2/manage/namespaces?filter=namespace::alpha%7Cmode::visible", account.token(), null))
                .getJsonArray("namespaces").size());
        HttpResponse<String> page = call("GET", "/v2/manage/namespaces?offset=1&limit=2", account.token(), null);
        assertEquals(2, json(page).getJsonArray("namespaces").size());
        assertEquals("1-2/4", page.headers().firstValue("Content-Range").orElseThrow());

        HttpResponse<String> unknownKey = call("GET", "/v2/manage/namespaces?filter=colour::red", account.token(), null);
        assertEquals(400, unknownKey.statusCode());
        assertEquals("SVCSTG.SWR.4001035", json(unknownKey).getString("error_code"));
        assertEquals(400, call("GET", "/v2/manage/namespaces?filter=mode::hidden", account.token(), null).statusCode());
        assertEquals(400, call("GET", "/v2/manage/namespaces?filter=namespace::a&namespace=b", account.token(), null).statusCode());
        assertEquals(400, call("GET", "/v2/manage/namespaces?limit=0", account.token(), null).statusCode());
        assertEquals(400, call("GET", "/v2/manage/namespaces?limit=lots", account.token(), null).statusCode());
    }
}
