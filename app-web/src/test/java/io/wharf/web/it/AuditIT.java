package io.wharf.web.it;

import com.huaweicloud.sdk.swr.v2.SwrClient;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequestBody;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail through its CTS-shaped API: API changes, pushes and pulls recorded once with who, and read back. */
class AuditIT {

    private static JsonArray traces(WharfServer.TestAccount account, String project, String query) {
        HttpResponse<String> found = call("GET", "/v3/" + project + "/traces?" + query, account.token(), null);
        assertEquals(200, found.statusCode(), found.body());
        return json(found).getJsonArray("traces");
    }

    @Test
    void changesPushesAndPullsAreRecordedWithWhoAndReadBackByFilterAndPage() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "audit");
        OfficialSdkIT.Keys keys = OfficialSdkIT.accessKeyOf(owner);
        SwrClient swr = OfficialSdkIT.client(keys);
        String ns = unique("audit-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        assertEquals(409, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        Path layout = ImageScanningIT.writeImage(Files.createTempDirectory("audit").resolve("i"), Map.of("srv/a", "1"));
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + layout + ":1.0",
                Skopeo.image(ns + "/app:1.0")).ok();
        Skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", Skopeo.creds(owner), Skopeo.image(ns + "/app:1.0")).ok();

        JsonArray all = null;
        for (int i = 0; i < 40; i++) {
            all = traces(owner, keys.project(), "limit=50&resource_name=" + ns);
            if (all.stream().anyMatch(t -> t.asJsonObject().getString("trace_name").equals("pull"))) {
                break;
            }
            Thread.sleep(250);
        }
        List<String> names = all.stream().map(t -> t.asJsonObject().getString("trace_name")).toList();
        assertEquals("pull", names.get(0), "newest first: " + names);
        assertEquals(List.of("push", "createNamespace", "createNamespace"),
                names.stream().filter(n -> !n.equals("pull")).toList(), all.toString());
        JsonObject created = all.stream().map(t -> t.asJsonObject())
                .filter(t -> t.getString("trace_name").equals("createNamespace") && t.getString("code").equals("201"))
                .findFirst().orElseThrow();
        assertEquals(keys.ak(), created.getJsonObject("user").getString("access_key_id"), "signed with the access key");
        assertEquals(owner.name(), created.getJsonObject("user").getJsonObject("domain").getString("name"));
        assertEquals("normal", created.getString("trace_rating"));
        JsonObject refused = all.stream().map(t -> t.asJsonObject()).filter(t -> t.getString("code").equals("409"))
                .findFirst().orElseThrow();
        assertEquals("warning", refused.getString("trace_rating"));
        JsonObject push = all.stream().map(t -> t.asJsonObject()).filter(t -> t.getString("trace_name").equals("push"))
                .findFirst().orElseThrow();
        assertTrue(push.getString("resource_name").startsWith(ns + "/app"), push.toString());
        assertEquals("registry", push.getString("service_type"));
        assertEquals(1, all.stream().filter(t -> t.asJsonObject().getString("trace_name").equals("push")).count(),
                "a push is recorded once, not per blob");

        HttpResponse<String> firstPage = call("GET", "/v3/" + keys.project() + "/traces?limit=2&resource_name=" + ns,
                owner.token(), null);
        String marker = json(firstPage).getJsonObject("meta_data").getString("marker");
        JsonArray second = traces(owner, keys.project(), "limit=2&resource_name=" + ns + "&next=" + marker);
        assertEquals(all.get(2).asJsonObject().getString("trace_id"), second.getJsonObject(0).getString("trace_id"));
        assertEquals(1, traces(owner, keys.project(), "trace_name=push&service_type=registry&resource_name=" + ns).size());

        WharfServer.TestAccount stranger = newAccount(adminToken(), "auditx");
        String strangerProject = OfficialSdkIT.accessKeyOf(stranger).project();
        assertEquals(0, traces(stranger, strangerProject, "resource_name=" + ns).size(), "another account sees none of it");
        assertEquals(403, call("GET", "/v3/" + keys.project() + "/traces", stranger.token(), null).statusCode());
        HttpResponse<String> badLimit = call("GET", "/v3/" + keys.project() + "/traces?limit=0", owner.token(), null);
        assertEquals(400, badLimit.statusCode());
        assertTrue(badLimit.body().contains("limit"), badLimit.body());
        assertEquals(400, call("GET", "/v3/" + keys.project() + "/traces?trace_rating=bad", owner.token(), null).statusCode());
    }
}
