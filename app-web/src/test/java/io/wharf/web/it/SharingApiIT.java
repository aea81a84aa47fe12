package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sharing a repository with another account (pages 000 and 001), end to end across three accounts. */
class SharingApiIT {
    private static String admin;

    @BeforeAll
    static void signInAsAdministrator() {
        admin = adminToken();
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static String share(String deadline, String to) {
        return "{\"access_domain\": \"" + to + "\", \"permit\": \"read\", \"deadline\": \"" + deadline
                + "\", \"description\": \"for the team\"}";
    }

    @Test
    void aShareGivesReadUntilItsDeadlineAndBothSidesSeeIt() {
        WharfServer.TestAccount owner = newAccount(admin, "sharer");
        WharfServer.TestAccount friend = newAccount(admin, "friend");
        WharfServer.TestAccount stranger = newAccount(admin, "stranger");
        String ns = unique("shared-");
        call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}");
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", owner.token(), "{\"repository\": \"tools/app\", \"is_public\": false}");
        String repo = "/v2/manage/namespaces/" + ns + "/repos/tools$app";
        String domains = "/v2/manage/namespaces/" + ns + "/repositories/tools$app/access-domains";
        assertEquals(404, call("GET", repo, friend.token(), null).statusCode(), "private before the share");

        HttpResponse<String> shared = call("POST", domains, owner.token(), share("forever", friend.name()));
        assertEquals(201, shared.statusCode(), shared.body());
        assertEquals(200, call("GET", repo, friend.token(), null).statusCode());
        assertEquals(404, call("GET", repo, stranger.token(), null).statusCode());
        assertEquals(403, call("DELETE", repo, friend.token(), null).statusCode(), "a share gives read, nothing more");
        assertEquals(403, call("POST", domains, friend.token(), share("forever", stranger.name())).statusCode());

        JsonArray list = array(call("GET", domains, owner.token(), null));
        assertEquals(1, list.size());
        JsonObject one = list.getJsonObject(0);
        assertEquals(friend.name(), one.getString("access_domain"));
        assertEquals("read", one.getString("permit"));
        assertEquals("forever", one.getString("deadline"));
        assertEquals("boss", one.getString("creator_name"));
        assertEquals(ns, one.getString("namespace"));
        assertEquals("tools/app", one.getString("repository"));
        assertTrue(one.getBoolean("status"));

        JsonObject check = json(call("GET", domains + "/" + friend.name(), owner.token(), null));
        assertTrue(check.getBoolean("exist"));
        assertTrue(check.getBoolean("status"));
        assertTrue(json(call("GET", domains + "/" + stranger.name(), owner.token(), null)).getBoolean("exist"));
        assertFalse(json(call("GET", domains + "/" + unique("nobody"), owner.token(), null)).getBoolean("exist"));

        JsonArray withMe = array(call("GET", "/v2/manage/shared-repositories?center=thirdparty", friend.token(), null));
        assertEquals(1, withMe.size());
        assertEquals(owner.name(), withMe.getJsonObject(0).getString("domain_name"));
        assertEquals("tools/app", withMe.getJsonObject(0).getString("name"));
        assertTrue(withMe.getJsonObject(0).getBoolean("status"));
        assertEquals(1, withMe.getJsonObject(0).getJsonNumber("total_range").longValue());
        JsonArray byMe = array(call("GET", "/v2/manage/shared-repositories?filter=center::self", owner.token(), null));
        assertEquals(1, byMe.size());
        assertFalse(byMe.getJsonObject(0).getBoolean("status"), "the pages: false, meaningless, for what I share");
        assertEquals(0, array(call("GET", "/v2/manage/shared-repositories?center=thirdparty", stranger.token(), null)).size());

        String past = Instant.now().minusSeconds(60).toString();
        HttpResponse<String> expire = call("PATCH", domains + "/" + friend.name(), owner.token(),
                "{\"permit\": \"read\", \"deadline\": \"" + past + "\"}");
        assertEquals(201, expire.statusCode(), expire.body());
        assertEquals(404, call("GET", repo, friend.token(), null).statusCode(), "an expired share gives nothing");
        JsonArray expired = array(call("GET", "/v2/manage/shared-repositories?center=thirdparty", friend.token(), null));
        assertEquals(1, expired.size());
        assertFalse(expired.getJsonObject(0).getBoolean("status"));
        assertEquals(0, array(call("GET", "/v2/manage/shared-repositories?filter=center::thirdparty%7Cstatus::true",
                friend.token(), null)).size());

        assertEquals(204, call("DELETE", domains + "/" + friend.name(), owner.token(), null).statusCode());
        assertEquals(404, call("DELETE", domains + "/" + friend.name(), owner.token(), null).statusCode());
        assertEquals(0, array(call("GET", "/v2/manage/shared-repositories?center=thirdparty", friend.token(), null)).size());
    }

    @Test
    void badSharesAreRefused() {
        WharfServer.TestAccount owner = newAccount(admin, "badshare");
        WharfServer.TestAccount friend = newAccount(admin, "bfriend");
        String ns = unique("bad-share-");
        call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}");
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", owner.token(), "{\"repository\": \"app\", \"is_public\": false}");
        String domains = "/v2/manage/namespaces/" + ns + "/repositories/app/access-domains";
        assertEquals(400, call("POST", domains, owner.token(), share("forever", unique("ghost"))).statusCode());
        assertEquals(400, call("POST", domains, owner.token(), share("forever", owner.name())).statusCode());
        assertEquals(400, call("POST", domains, owner.token(), share("next week", friend.name())).statusCode());
        assertEquals(400, call("POST", domains, owner.token(),
                "{\"access_domain\": \"" + friend.name() + "\", \"permit\": \"write\", \"deadline\": \"forever\"}").statusCode());
        assertEquals(400, call("POST", domains, owner.token(), "{\"permit\": \"read\", \"deadline\": \"forever\"}").statusCode());
        assertEquals(201, call("POST", domains, owner.token(), share("2099-01-01T00:00:00Z", friend.name())).statusCode());
        HttpResponse<String> twice = call("POST", domains, owner.token(), share("forever", friend.name()));
        assertEquals(409, twice.statusCode());
        assertEquals(404, call("PATCH", domains + "/" + unique("ghost"), owner.token(),
                "{\"permit\": \"read\", \"deadline\": \"forever\"}").statusCode());
        assertEquals(404, call("GET", "/v2/manage/namespaces/" + ns + "/repositories/nope/access-domains", owner.token(), null).statusCode());
    }

    @Test
    void theSharedListChecksItsParameters() {
        WharfServer.TestAccount account = newAccount(admin, "params");
        for (String bad : List.of("", "center=everyone", "center=self&offset=1", "center=self&limit=1",
                "center=self&order_column=size&order_type=asc", "center=self&order_column=name",
                "filter=center::self%7Ccolour::red", "center=self&filter=center::thirdparty", "center=thirdparty&status=maybe")) {
            assertEquals(400, call("GET", "/v2/manage/shared-repositories?" + bad, account.token(), null).statusCode(), bad);
        }
        HttpResponse<String> ok = call("GET", "/v2/manage/shared-repositories?center=self&offset=0&limit=10"
                + "&order_column=tag_count&order_type=desc", account.token(), null);
        assertEquals(200, ok.statusCode());
        assertEquals("0-0/0", ok.headers().firstValue("Content-Range").orElseThrow());
    }
}
