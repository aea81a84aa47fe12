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
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Image repositories as the pages and the reference describe them. */
class RepositoriesApiIT {
    private static String admin;

    @BeforeAll
    static void signInAsAdministrator() {
        admin = adminToken();
    }

    private static JsonArray array(HttpResponse<String> response) {
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readArray();
    }

    private static String organization(WharfServer.TestAccount account) {
        String name = unique("org-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", account.token(), "{\"namespace\":\"" + name + "\"}").statusCode());
        return name;
    }

    @Test
    void createdByJsonBodyOrByQueryParametersThenShownWithEveryField() {
        WharfServer.TestAccount account = newAccount(admin, "repos");
        String ns = organization(account);
        HttpResponse<String> byBody = call("POST", "/v2/manage/namespaces/" + ns + "/repos", account.token(),
                "{\"repository\": \"busybox\", \"category\": \"linux\", \"description\": \"a busybox\", \"is_public\": true}");
        assertEquals(200, byBody.statusCode(), byBody.body());
        HttpResponse<String> byQuery = call("POST", "/v2/manage/namespaces/" + ns
                + "/repos?repository=tools$test&category=linux&description=test&is_public=false", account.token(), null);
        assertEquals(200, byQuery.statusCode(), byQuery.body());

        JsonObject brief = json(call("GET", "/v2/manage/namespaces/" + ns + "/repos/busybox", account.token(), null));
        for (String field : List.of("category", "created", "creator_id", "creator_name", "description", "domain_id", "id",
                "internal_path", "is_public", "name", "ns_id", "num_download", "num_images", "path", "priority", "size",
                "updated", "url")) {
            assertTrue(brief.containsKey(field), field);
        }
        assertEquals("linux", brief.getString("category"));
        assertEquals(account.id(), brief.getString("domain_id"));
        assertTrue(brief.getBoolean("is_public"));
        assertTrue(brief.getString("path").endsWith("/" + ns + "/busybox"));
        assertEquals(0, brief.getJsonNumber("num_images").longValue());

        JsonObject nested = json(call("GET", "/v2/manage/namespaces/" + ns + "/repos/tools$test", account.token(), null));
        assertEquals("tools/test", nested.getString("name"));
        assertFalse(nested.getBoolean("is_public"));
    }

    @Test
    void badInputIsRefusedWithTheRuleNamed() {
        WharfServer.TestAccount account = newAccount(admin, "badrepo");
        String ns = organization(account);
        String base = "/v2/manage/namespaces/" + ns + "/repos";
        HttpResponse<String> noPublic = call("POST", base, account.token(), "{\"repository\": \"x\"}");
        assertEquals(400, noPublic.statusCode());
        assertEquals("SVCSTG.SWR.4001009", json(noPublic).getString("error_code"));
        HttpResponse<String> badName = call("POST", base, account.token(), "{\"repository\": \"a//b\", \"is_public\": true}");
        assertEquals(400, badName.statusCode());
        assertTrue(json(badName).getString("error_msg").contains("next to each other"));
        HttpResponse<String> badCategory = call("POST", base, account.token(),
                "{\"repository\": \"x\", \"is_public\": true, \"category\": \"games\"}");
        assertEquals(400, badCategory.statusCode());
        assertEquals(400, call("POST", base + "?repository=x&is_public=maybe", account.token(), null).statusCode());
        assertEquals(413, call("POST", base, account.token(),
                "{\"repository\": \"x\", \"is_public\": true, \"description\": \"" + "d".repeat(1001) + "\"}").statusCode());
        assertEquals(200, call("POST", base, account.token(),
                "{\"repository\": \"odd\", \"is_public\": true, \"description\": \"<script>alert(1)</script> ☃\"}").statusCode());
        assertEquals("<script>alert(1)</script> ☃", json(call("GET", base + "/odd", account.token(), null)).getString("description"),
                "stored as given, harmless in JSON");
        HttpResponse<String> twice = call("POST", base, account.token(), "{\"repository\": \"odd\", \"is_public\": true}");
        assertEquals(409, twice.statusCode());
        assertEquals(0, json(call("GET", "/v2/manage/namespaces/" + ns, account.token(), null)).getInt("auth") - 7);
        assertEquals(404, call("POST", "/v2/manage/namespaces/" + unique("none-") + "/repos", account.token(),
                "{\"repository\": \"x\", \"is_public\": true}").statusCode());
    }

    @Test
    void updatedThenDeleted() {
        WharfServer.TestAccount account = newAccount(admin, "patch");
        String ns = organization(account);
        String repo = "/v2/manage/namespaces/" + ns + "/repos/app";
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", account.token(), "{\"repository\": \"app\", \"is_public\": false}");
        HttpResponse<String> patched = call("PATCH", repo, account.token(),
                "{\"category\": \"database\", \"description\": \"now a db\", \"is_public\": true}");
        assertEquals(201, patched.statusCode());
        JsonObject brief = json(call("GET", repo, account.token(), null));
        assertEquals("database", brief.getString("category"));
        assertEquals("now a db", brief.getString("description"));
        assertTrue(brief.getBoolean("is_public"));
        assertEquals(400, call("PATCH", repo, account.token(), "{\"category\": \"lang\"}").statusCode());

        assertEquals(204, call("DELETE", repo, account.token(), null).statusCode());
        HttpResponse<String> gone = call("GET", repo, account.token(), null);
        assertEquals(404, gone.statusCode());
        assertEquals("SVCSTG.SWR.4040113", json(gone).getString("error_code"));
        assertEquals(204, call("DELETE", "/v2/manage/namespaces/" + ns, account.token(), null).statusCode(),
                "an organization emptied of repositories can go");
    }

    @Test
    void anOrganizationHoldingARepositoryIsNotDeleted() {
        WharfServer.TestAccount account = newAccount(admin, "full");
        String ns = organization(account);
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", account.token(), "{\"repository\": \"app\", \"is_public\": false}");
        HttpResponse<String> refused = call("DELETE", "/v2/manage/namespaces/" + ns, account.token(), null);
        assertEquals(406, refused.statusCode());
        assertEquals("SVCSTG.SWR.4060074", json(refused).getString("error_code"));
    }

    @Test
    void privateRepositoriesOfAnotherAccountLookMissingPublicOnesAreReadOnly() {
        WharfServer.TestAccount owner = newAccount(admin, "owns");
        WharfServer.TestAccount other = newAccount(admin, "peeks");
        String ns = organization(owner);
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", owner.token(), "{\"repository\": \"secret\", \"is_public\": false}");
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", owner.token(), "{\"repository\": \"open\", \"is_public\": true}");
        String base = "/v2/manage/namespaces/" + ns + "/repos/";
        assertEquals(404, call("GET", base + "secret", other.token(), null).statusCode());
        assertEquals(404, call("DELETE", base + "secret", other.token(), null).statusCode());
        assertEquals(404, call("GET", base + "secret/tags", other.token(), null).statusCode());
        assertEquals(200, call("GET", base + "open", other.token(), null).statusCode());
        assertEquals(200, call("GET", base + "open/tags", other.token(), null).statusCode());
        HttpResponse<String> forbidden = call("DELETE", base + "open", other.token(), null);
        assertEquals(403, forbidden.statusCode());
        assertEquals("SVCSTG.SWR.4039002", json(forbidden).getString("error_code"));
        assertEquals(403, call("PATCH", base + "open", other.token(), "{\"is_public\": false}").statusCode());
        assertEquals(404, call("POST", "/v2/manage/namespaces/" + ns + "/repos", other.token(),
                "{\"repository\": \"planted\", \"is_public\": true}").statusCode());
        assertEquals(0, array(call("GET", "/v2/manage/repos?filter=namespace::" + ns, other.token(), null)).size());
    }

    @Test
    void theAccountWideListFiltersOrdersAndPages() {
        WharfServer.TestAccount account = newAccount(admin, "list");
        String ns = organization(account);
        for (String r : List.of("web-b", "web-a", "db")) {
            call("POST", "/v2/manage/namespaces/" + ns + "/repos", account.token(), "{\"repository\": \"" + r
                    + "\", \"is_public\": " + r.equals("db") + ", \"category\": \"" + (r.equals("db") ? "database" : "app_server") + "\"}");
        }
        HttpResponse<String> all = call("GET", "/v2/manage/repos", account.token(), null);
        assertEquals(200, all.statusCode());
        assertEquals(3, array(all).size());
        assertEquals("0-2/3", all.headers().firstValue("Content-Range").orElseThrow());
        JsonObject first = array(all).getJsonObject(0);
        assertEquals(3, first.getJsonNumber("total_range").longValue());
        assertEquals(account.name(), first.getString("domain_name"));
        assertEquals(ns, first.getString("namespace"));
        assertEquals(0, first.getJsonArray("tags").size());

        HttpResponse<String> page = call("GET", "/v2/manage/repos?order_column=name&order_type=asc&offset=1&limit=1",
                account.token(), null);
        assertEquals("web-a", array(page).getJsonObject(0).getString("name"));
        assertEquals("1-1/3", page.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<String> filtered = call("GET",
                "/v2/manage/repos?filter=name::web%7Ccategory::app_server%7Corder_column::name%7Corder_type::desc",
                account.token(), null);
        assertEquals(List.of("web-b", "web-a"), array(filtered).stream().map(v -> v.asJsonObject().getString("name")).toList());
        assertEquals(1, array(call("GET", "/v2/manage/repos?is_public=true", account.token(), null)).size());

        for (String bad : List.of("offset=1", "limit=5", "order_column=name", "order_column=size&order_type=asc",
                "order_column=name&order_type=up", "limit=1001&offset=0", "category=games", "filter=colour::red",
                "is_public=yes")) {
            assertEquals(400, call("GET", "/v2/manage/repos?" + bad, account.token(), null).statusCode(), bad);
        }
    }

    @Test
    void tagsOfANewRepositoryAreAnEmptyPageAndAMissingTagIs404() {
        WharfServer.TestAccount account = newAccount(admin, "tags");
        String ns = organization(account);
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", account.token(), "{\"repository\": \"app\", \"is_public\": false}");
        HttpResponse<String> tags = call("GET", "/v2/manage/namespaces/" + ns + "/repos/app/tags", account.token(), null);
        assertEquals(200, tags.statusCode());
        assertEquals("[]", tags.body());
        assertEquals("0-0/0", tags.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<String> missing = call("DELETE", "/v2/manage/namespaces/" + ns + "/repos/app/tags/latest", account.token(), null);
        assertEquals(404, missing.statusCode());
        assertEquals("SVCSTG.SWR.4040115", json(missing).getString("error_code"));
        assertEquals(400, call("GET", "/v2/manage/namespaces/" + ns + "/repos/app/tags?order_column=size&order_type=asc",
                account.token(), null).statusCode());
    }
}
