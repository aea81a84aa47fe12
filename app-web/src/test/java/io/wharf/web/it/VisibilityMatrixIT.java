package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.signIn;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one visibility rule, as a table: each caller (owner, same-account users with 7 on the organization, 3 and 1 on
 * the repository, and none; another account with a valid share, one whose share expired, a stranger; anonymous) ×
 * each repository (private, public) through the management API, the registry's pull and push, and every list that
 * names repositories (the repository list, {@code _catalog}, the HSS image list) on MariaDB.
 */
class VisibilityMatrixIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String TAG = "c0-0";
    private static String ns;
    private static final Map<String, Who> CALLERS = new LinkedHashMap<>();

    /** A caller: an API token (null: anonymous), Basic credentials for the registry, the account's project. */
    private record Who(String token, String basic, String project) {
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String project(WharfServer.TestAccount account, String user, String password) {
        return json(WharfServer.issueToken(account.name(), user, password)).getJsonObject("token")
                .getJsonObject("project").getString("id");
    }

    private static Who member(WharfServer.TestAccount account, String name) {
        String password = name + "-Password-1";
        HttpResponse<String> created = call("POST", "/v3/users", account.token(),
                "{\"user\": {\"name\": \"" + name + "\", \"password\": \"" + password + "\"}}");
        assertEquals(201, created.statusCode(), created.body());
        return new Who(signIn(account.name(), name, password), basic(account.name() + "/" + name, password),
                project(account, name, password));
    }

    private static Who admin(WharfServer.TestAccount account) {
        return new Who(account.token(), basic(account.name() + "/" + account.adminName(), account.adminPassword()),
                project(account, account.adminName(), account.adminPassword()));
    }

    private static String userId(WharfServer.TestAccount account, String name) {
        JsonArray users = json(call("GET", "/v3/users", account.token(), null)).getJsonArray("users");
        return users.stream().map(u -> u.asJsonObject()).filter(u -> u.getString("name").equals(name))
                .findFirst().orElseThrow().getString("id");
    }

    private static void grant(WharfServer.TestAccount account, String path, String user, int auth, int expected) {
        HttpResponse<String> granted = call("POST", path, account.token(), "[{\"user_id\": \"" + userId(account, user)
                + "\", \"user_name\": \"" + user + "\", \"auth\": " + auth + "}]");
        assertEquals(expected, granted.statusCode(), granted.body());
    }

    @BeforeAll
    static void setUp() throws Exception {
        String admin = adminToken();
        WharfServer.TestAccount owner = newAccount(admin, "vis");
        WharfServer.TestAccount friend = newAccount(admin, "visfriend");
        WharfServer.TestAccount lapsed = newAccount(admin, "vislapsed");
        WharfServer.TestAccount stranger = newAccount(admin, "visstranger");
        ns = unique("vis-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        String ownerBasic = basic(owner.name() + "/" + owner.adminName(), owner.adminPassword());
        for (String repo : List.of("priv", "pub")) {
            assertEquals(0, new RegistryLoad(WharfServer.URL, ns + "/" + repo, ownerBasic).run(1, 1).errors());
        }
        assertEquals(201, call("PATCH", "/v2/manage/namespaces/" + ns + "/repos/pub", owner.token(),
                "{\"is_public\": true}").statusCode());

        CALLERS.put("owner", admin(owner));
        CALLERS.put("manager", member(owner, "manager"));
        CALLERS.put("editor", member(owner, "editor"));
        CALLERS.put("reader", member(owner, "reader"));
        CALLERS.put("nobody", member(owner, "nobody"));
        grant(owner, "/v2/manage/namespaces/" + ns + "/access", "manager", 7, 200);
        grant(owner, "/v2/manage/namespaces/" + ns + "/repos/priv/access", "editor", 3, 201);
        grant(owner, "/v2/manage/namespaces/" + ns + "/repos/priv/access", "reader", 1, 201);

        String domains = "/v2/manage/namespaces/" + ns + "/repositories/priv/access-domains";
        for (WharfServer.TestAccount receiver : List.of(friend, lapsed)) {
            assertEquals(201, call("POST", domains, owner.token(), "{\"access_domain\": \"" + receiver.name()
                    + "\", \"permit\": \"read\", \"deadline\": \"forever\"}").statusCode());
        }
        assertEquals(201, call("PATCH", domains + "/" + lapsed.name(), owner.token(), "{\"permit\": \"read\","
                + " \"deadline\": \"" + Instant.now().minusSeconds(60) + "\"}").statusCode());
        CALLERS.put("friend", admin(friend));
        CALLERS.put("lapsed", admin(lapsed));
        CALLERS.put("stranger", admin(stranger));
        CALLERS.put("anonymous", new Who(null, null, null));
    }

    private static int status(String method, String path, String token, String auth) {
        HttpRequest.Builder request = WharfServer.request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (path.contains("/manifests/")) {
            request.header("Accept", "application/vnd.oci.image.manifest.v1+json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(String path, String token, String auth) {
        HttpRequest.Builder request = WharfServer.request(path);
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return WharfServer.send(request).body();
    }

    /** What one caller gets on one repository, in the table's columns. */
    private static String observe(Who who, String repo) {
        String api = String.valueOf(status("GET", "/v2/manage/namespaces/" + ns + "/repos/" + repo, who.token(), null));
        String pull = String.valueOf(status("GET", "/v2/" + ns + "/" + repo + "/manifests/" + TAG, null, who.basic()));
        String push = String.valueOf(status("POST", "/v2/" + ns + "/" + repo + "/blobs/uploads/", null, who.basic()));
        if (who.token() == null) {
            return String.join(" ", api, pull, push, "-", "-", "-");
        }
        JsonArray repos = Json.createReader(new StringReader(body("/v2/manage/repos?filter=namespace::" + ns,
                who.token(), null))).readArray();
        boolean listed = repos.stream().anyMatch(r -> r.asJsonObject().getString("name").equals(repo));
        boolean catalogued = body("/v2/_catalog", null, who.basic()).contains("\"" + ns + "/" + repo + "\"");
        boolean asset = body("/v5/" + who.project() + "/image/swr-repository?image_type=private_image&namespace=" + ns
                + "&limit=200", who.token(), null).contains("\"image_name\":\"" + repo + "\"");
        return String.join(" ", api, pull, push, listed ? "Y" : "N", catalogued ? "Y" : "N", asset ? "Y" : "N");
    }

    @Test
    void everyCallerSeesEachRepositoryTheSameWayEverywhere() {
        // caller      private: API pull push list catalog hss | public: API pull push list catalog hss
        String expected = """
                owner      200 200 202 Y Y Y | 200 200 202 Y Y Y
                manager    200 200 202 Y Y Y | 200 200 202 Y Y Y
                editor     200 200 202 Y Y Y | 200 200 403 Y Y Y
                reader     200 200 403 Y Y Y | 200 200 403 Y Y Y
                nobody     404 404 404 N N N | 200 200 403 Y Y Y
                friend     200 200 403 N Y N | 200 200 403 N N N
                lapsed     404 404 404 N N N | 200 200 403 N N N
                stranger   404 404 404 N N N | 200 200 403 N N N
                anonymous  401 401 401 - - - | 401 200 401 - - -
                """;
        List<String> actual = new ArrayList<>();
        CALLERS.forEach((name, who) -> actual.add(String.format("%-10s %s | %s", name, observe(who, "priv"),
                observe(who, "pub"))));
        assertEquals(expected.strip(), String.join("\n", actual));
    }
}
