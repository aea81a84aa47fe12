package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.signIn;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Organization and repository permissions (7 manage, 3 edit, 1 read), enforced on the endpoints they guard. */
class PermissionsApiIT {

    private record Member(String id, String name, String token) {
    }

    private static Member member(WharfServer.TestAccount account, String name) {
        HttpResponse<String> created = call("POST", "/v3/users", account.token(),
                "{\"user\": {\"name\": \"" + name + "\", \"password\": \"" + name + "-password\"}}");
        assertEquals(201, created.statusCode(), created.body());
        return new Member(json(created).getJsonObject("user").getString("id"), name,
                signIn(account.name(), name, name + "-password"));
    }

    private static String auths(Member member, int auth) {
        return "[{\"user_id\": \"" + member.id() + "\", \"user_name\": \"" + member.name() + "\", \"auth\": " + auth + "}]";
    }

    private static int size(HttpResponse<String> arrayResponse) {
        return Json.createReader(new StringReader(arrayResponse.body())).readArray().size();
    }

    @Test
    void organizationPermissionsGrantReadThenEditAndAreRemovable() {
        WharfServer.TestAccount account = newAccount(adminToken(), "perm");
        Member dev = member(account, "dev");
        String ns = unique("perm-");
        call("POST", "/v2/manage/namespaces", account.token(), "{\"namespace\": \"" + ns + "\"}");
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", account.token(), "{\"repository\": \"app\", \"is_public\": false}");
        String access = "/v2/manage/namespaces/" + ns + "/access";
        assertEquals(404, call("GET", "/v2/manage/namespaces/" + ns, dev.token(), null).statusCode());

        assertEquals(200, call("POST", access, account.token(), auths(dev, 1)).statusCode());
        assertEquals(1, json(call("GET", "/v2/manage/namespaces/" + ns, dev.token(), null)).getInt("auth"));
        assertEquals(200, call("GET", "/v2/manage/namespaces/" + ns + "/repos/app", dev.token(), null).statusCode());
        assertEquals(403, call("POST", "/v2/manage/namespaces/" + ns + "/repos", dev.token(),
                "{\"repository\": \"mine\", \"is_public\": false}").statusCode());
        assertEquals(403, call("DELETE", "/v2/manage/namespaces/" + ns, dev.token(), null).statusCode());
        assertEquals(403, call("POST", access, dev.token(), auths(dev, 7)).statusCode(), "read cannot grant");

        JsonObject view = json(call("GET", access, account.token(), null));
        assertEquals(ns, view.getString("name"));
        assertEquals(7, view.getJsonObject("self_auth").getInt("auth"));
        assertEquals("dev", view.getJsonArray("others_auths").getJsonObject(0).getString("user_name"));
        assertEquals(1, view.getJsonArray("others_auths").getJsonObject(0).getInt("auth"));
        assertEquals(1, json(call("GET", access, dev.token(), null)).getJsonObject("self_auth").getInt("auth"));

        assertEquals(409, call("POST", access, account.token(), auths(dev, 3)).statusCode());
        assertEquals(201, call("PATCH", access, account.token(), auths(dev, 3)).statusCode());
        assertEquals(200, call("POST", "/v2/manage/namespaces/" + ns + "/repos", dev.token(),
                "{\"repository\": \"mine\", \"is_public\": false}").statusCode(), "edit may create repositories");
        assertEquals(403, call("DELETE", "/v2/manage/namespaces/" + ns + "/repos/app", dev.token(), null).statusCode(),
                "but only manage deletes them");

        HttpResponse<String> revoked = WharfServer.send(WharfServer.request(access).header("X-Auth-Token", account.token())
                .header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("[\"" + dev.id() + "\"]")));
        assertEquals(204, revoked.statusCode());
        assertEquals(404, call("GET", "/v2/manage/namespaces/" + ns, dev.token(), null).statusCode());
    }

    @Test
    void badGrantsAreRefusedWholly() {
        WharfServer.TestAccount account = newAccount(adminToken(), "badperm");
        WharfServer.TestAccount other = newAccount(adminToken(), "otherperm");
        Member dev = member(account, "dev");
        Member outsider = member(other, "outsider");
        String ns = unique("badperm-");
        call("POST", "/v2/manage/namespaces", account.token(), "{\"namespace\": \"" + ns + "\"}");
        String access = "/v2/manage/namespaces/" + ns + "/access";
        HttpResponse<String> badAuth = call("POST", access, account.token(), auths(dev, 5));
        assertEquals(400, badAuth.statusCode());
        assertEquals("SVCSTG.SWR.4001066", json(badAuth).getString("error_code"));
        assertEquals(400, call("POST", access, account.token(), auths(outsider, 1)).statusCode(), "another account's user");
        assertEquals(400, call("POST", access, account.token(),
                "[{\"user_id\": \"" + dev.id() + "\", \"user_name\": \"someone-else\", \"auth\": 1}]").statusCode());
        assertEquals(400, call("POST", access, account.token(), "[]").statusCode());
        assertEquals(400, call("POST", access, account.token(),
                "[" + auths(dev, 1).substring(1, auths(dev, 1).length() - 1) + "," + auths(outsider, 1).substring(1)).statusCode());
        assertEquals(0, json(call("GET", access, account.token(), null)).getJsonArray("others_auths").size(),
                "a refused list stores nothing, not even its valid entries");
        assertEquals(404, call("PATCH", access, account.token(), auths(dev, 3)).statusCode());
        assertEquals(404, call("GET", access, other.token(), null).statusCode());
    }

    @Test
    void aRepositoryPermissionReachesThatRepositoryOnly() {
        WharfServer.TestAccount account = newAccount(adminToken(), "repoperm");
        Member ops = member(account, "ops");
        String ns = unique("repoperm-");
        call("POST", "/v2/manage/namespaces", account.token(), "{\"namespace\": \"" + ns + "\"}");
        for (String repo : new String[]{"granted", "other"}) {
            call("POST", "/v2/manage/namespaces/" + ns + "/repos", account.token(),
                    "{\"repository\": \"" + repo + "\", \"is_public\": false}");
        }
        String base = "/v2/manage/namespaces/" + ns + "/repos/";
        assertEquals(201, call("POST", base + "granted/access", account.token(), auths(ops, 7)).statusCode());
        assertEquals(7, json(call("GET", base + "granted/access", ops.token(), null)).getJsonObject("self_auth").getInt("auth"));
        assertEquals(201, call("PATCH", base + "granted", ops.token(), "{\"is_public\": false, \"description\": \"ops\"}").statusCode());
        assertEquals(404, call("GET", base + "other", ops.token(), null).statusCode());
        assertEquals(404, call("GET", "/v2/manage/namespaces/" + ns, ops.token(), null).statusCode());
        assertEquals(1, size(call("GET", "/v2/manage/repos", ops.token(), null)));
        assertEquals(0, json(call("GET", "/v2/manage/namespaces", ops.token(), null)).getJsonArray("namespaces").size());
        JsonObject visible = json(call("GET", "/v2/manage/namespaces?filter=mode::visible", ops.token(), null))
                .getJsonArray("namespaces").getJsonObject(0);
        assertEquals(ns, visible.getString("name"));
        assertEquals(1, visible.getInt("auth"));
        assertEquals(201, call("PATCH", base + "granted/access", account.token(), auths(ops, 1)).statusCode());
        assertEquals(403, call("PATCH", base + "granted", ops.token(), "{\"is_public\": true}").statusCode());
    }

    @Test
    void aGrantListThatFailsMidwayLeavesNothingWritten() {
        WharfServer.TestAccount account = newAccount(adminToken(), "midway");
        Member first = member(account, "first");
        Member second = member(account, "second");
        String ns = unique("midway-");
        call("POST", "/v2/manage/namespaces", account.token(), "{\"namespace\": \"" + ns + "\"}");
        String access = "/v2/manage/namespaces/" + ns + "/access";
        assertEquals(200, call("POST", access, account.token(), auths(second, 1)).statusCode());
        String both = "[" + auths(first, 3).substring(1, auths(first, 3).length() - 1) + ","
                + auths(second, 3).substring(1);
        HttpResponse<String> refused = call("POST", access, account.token(), both);
        assertEquals(409, refused.statusCode(), "the second insert hits the unique key after the first succeeded");
        JsonObject view = json(call("GET", access, account.token(), null));
        assertEquals(1, view.getJsonArray("others_auths").size(), "the first grant was rolled back with the request");
        assertEquals("second", view.getJsonArray("others_auths").getJsonObject(0).getString("user_name"));
        assertEquals(404, call("GET", "/v2/manage/namespaces/" + ns, first.token(), null).statusCode());
    }
}
