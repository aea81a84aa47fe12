package io.wharf.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;

import static io.wharf.web.it.Skopeo.creds;
import static io.wharf.web.it.Skopeo.image;
import static io.wharf.web.it.Skopeo.run;
import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.issueToken;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HSS's image list (page 003) over images really pushed to Wharf, own and shared, with its filters. */
class HssImageListIT {
    private static WharfServer.TestAccount owner;
    private static WharfServer.TestAccount friend;
    private static String ns;

    @BeforeAll
    static void pushImagesAndShareOne(@TempDir Path dir) {
        String admin = adminToken();
        owner = newAccount(admin, "hss-own");
        friend = newAccount(admin, "hss-friend");
        ns = unique("hss-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        OciLayout small = OciLayout.simpleImage(dir.resolve("small"), "v1", 1, 20_000);
        OciLayout large = OciLayout.simpleImage(dir.resolve("large"), "v1", 2, 400_000);
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + small.root() + ":v1",
                image(ns + "/web:1.0")).ok();
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + large.root() + ":v1",
                image(ns + "/web:2.0")).ok();
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + small.root() + ":v1",
                image(ns + "/db:5.7")).ok();
        assertEquals(201, call("POST", "/v2/manage/namespaces/" + ns + "/repositories/web/access-domains", owner.token(),
                "{\"access_domain\": \"" + friend.name() + "\", \"permit\": \"read\", \"deadline\": \"forever\"}").statusCode());
    }

    private static String project(WharfServer.TestAccount account) {
        return json(issueToken(account.name(), account.adminName(), account.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
    }

    private static JsonObject list(WharfServer.TestAccount as, String query) {
        HttpResponse<String> response = call("GET", "/v5/" + project(as) + "/image/swr-repository?" + query, as.token(), null);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** The list once every scan on push has ended (these images' layers are random bytes: their scans fail). */
    private static JsonObject settled(String query) {
        for (int i = 0; i < 120; i++) {
            JsonObject page = list(owner, query);
            boolean busy = page.getJsonArray("data_list").stream().map(v -> v.asJsonObject().getString("scan_status"))
                    .anyMatch(s -> s.equals("waiting_for_scan") || s.equals("scanning"));
            if (!busy) {
                return page;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("scans on push did not end within a minute");
    }

    @Test
    void privateImagesAreTheCallersTagsWithNumbersAsNumbersAndHonestScanFields() {
        JsonObject all = settled("image_type=private_image&limit=50&namespace=" + ns);
        assertEquals(3, all.getInt("total_num"));
        JsonArray items = all.getJsonArray("data_list");
        JsonObject web2 = items.stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("image_name").equals("web") && o.getString("image_version").equals("2.0"))
                .findFirst().orElseThrow();
        assertEquals(ns, web2.getString("namespace"));
        assertTrue(web2.getString("image_digest").startsWith("sha256:"));
        assertTrue(web2.getJsonNumber("image_size").longValue() > 800_000, web2.toString());
        assertTrue(web2.getJsonNumber("latest_update_time").longValue() > Instant.now().minusSeconds(600).toEpochMilli());
        assertEquals("private_image", web2.getString("image_type"));
        assertTrue(web2.getBoolean("latest_version"), "2.0 is web's newest tag");
        assertEquals("failed", web2.getString("scan_status"), "its layers are random bytes, not tar archives");
        assertEquals("failed_to_scan_file", web2.getString("scan_failed_desc"));
        assertFalse(web2.containsKey("vul_num"), "no invented scan numbers");

        JsonObject latest = list(owner, "image_type=private_image&latest_version=true&namespace=" + ns);
        assertEquals(2, latest.getInt("total_num"), "one newest tag per repository");
        assertEquals(1, list(owner, "image_type=private_image&image_name=we&image_version=1.0&namespace=" + ns)
                .getInt("total_num"));
        assertEquals(1, list(owner, "image_type=private_image&image_size=800000&namespace=" + ns).getInt("total_num"));
        assertEquals(3, list(owner, "image_type=private_image&scan_status=failed&has_vul=false&namespace=" + ns)
                .getInt("total_num"));
        assertEquals(0, list(owner, "image_type=private_image&scan_status=unscan&namespace=" + ns).getInt("total_num"));
        assertEquals(0, list(owner, "image_type=private_image&scan_status=success&namespace=" + ns).getInt("total_num"));
        assertEquals(0, list(owner, "image_type=private_image&has_vul=true&namespace=" + ns).getInt("total_num"));
        long now = Instant.now().toEpochMilli();
        assertEquals(0, list(owner, "image_type=private_image&end_latest_update_time=" + (now - 3_600_000)
                + "&namespace=" + ns).getInt("total_num"));
        assertEquals(3, list(owner, "image_type=private_image&start_latest_update_time=" + (now - 3_600_000)
                + "&namespace=" + ns).getInt("total_num"));
        JsonObject page = list(owner, "image_type=private_image&offset=2&limit=10&namespace=" + ns);
        assertEquals(3, page.getInt("total_num"));
        assertEquals(1, page.getJsonArray("data_list").size());
        assertEquals(0, list(friend, "image_type=private_image&namespace=" + ns).getInt("total_num"),
                "another account's images are not the friend's own");
    }

    @Test
    void aMultiArchitectureImageListsItsImagesAsAssociationImages(@TempDir Path dir) {
        String multi = unique("hss-multi-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + multi + "\"}")
                .statusCode());
        OciLayout.TwoArchitectures pushed = OciLayout.twoArchitectures(dir.resolve("src"), "multi");
        run("copy", "--all", "--dest-tls-verify=false", "--dest-creds", creds(owner),
                "oci:" + pushed.layout().root() + ":multi", image(multi + "/app:1.0")).ok();

        JsonObject item = list(owner, "image_type=private_image&namespace=" + multi).getJsonArray("data_list")
                .getJsonObject(0);
        assertEquals(pushed.index().digest(), item.getString("image_digest"));
        assertAssociationImages(item, pushed, multi, "app", "1.0", "private_image");
        assertEquals(0, list(owner, "image_type=private_image&namespace=" + ns).getJsonArray("data_list").getJsonObject(0)
                .getJsonArray("association_images").size(), "single-architecture images have none");
    }

    /** An image list item lists the two images of {@code image} under its own name, version, organization and type. */
    static void assertAssociationImages(JsonObject item, OciLayout.TwoArchitectures image, String namespace,
                                        String name, String version, String type) {
        JsonArray associated = item.getJsonArray("association_images");
        assertEquals(image.children(), associated.stream().map(v -> v.asJsonObject().getString("image_digest"))
                .collect(java.util.stream.Collectors.toSet()), associated.toString());
        for (JsonObject child : associated.getValuesAs(JsonObject.class)) {
            assertEquals(name, child.getString("image_name"));
            assertEquals(version, child.getString("image_version"));
            assertEquals(namespace, child.getString("namespace"));
            assertEquals(type, child.getString("image_type"));
            // Wharf's own images are scanned on push; synced images are listed, never scanned.
            assertTrue(type.endsWith("_image") ? java.util.Set.of("unscan", "waiting_for_scan", "scanning", "failed",
                    "success").contains(child.getString("scan_status")) : child.getString("scan_status").equals("unscan"),
                    child.toString());
        }
    }

    @Test
    void sharedImagesNameTheirOwnerAndTheShareState() {
        JsonObject shared = list(friend, "image_type=shared_image&namespace=" + ns);
        assertEquals(2, shared.getInt("total_num"), "web's two tags, not db");
        JsonObject first = shared.getJsonArray("data_list").getJsonObject(0);
        assertEquals(owner.name(), first.getString("domain_name"));
        assertEquals("effective", first.getString("shared_status"));
        assertEquals("shared_image", first.getString("image_type"));

        assertEquals(201, call("PATCH", "/v2/manage/namespaces/" + ns + "/repositories/web/access-domains/" + friend.name(),
                owner.token(), "{\"permit\": \"read\", \"deadline\": \"" + Instant.now().minusSeconds(60) + "\"}").statusCode());
        assertEquals("expired", list(friend, "image_type=shared_image&namespace=" + ns).getJsonArray("data_list")
                .getJsonObject(0).getString("shared_status"));
        assertEquals(201, call("PATCH", "/v2/manage/namespaces/" + ns + "/repositories/web/access-domains/" + friend.name(),
                owner.token(), "{\"permit\": \"read\", \"deadline\": \"forever\"}").statusCode());
    }

    @Test
    void badParametersAndAnotherAccountsProjectAreRefused() {
        String path = "/v5/" + project(owner) + "/image/swr-repository?";
        assertEquals(400, call("GET", path + "limit=10", owner.token(), null).statusCode(), "image_type is mandatory");
        assertEquals(400, call("GET", path + "image_type=public_image", owner.token(), null).statusCode());
        assertEquals(400, call("GET", path + "image_type=private_image&limit=201", owner.token(), null).statusCode());
        assertEquals(400, call("GET", path + "image_type=private_image&offset=-1", owner.token(), null).statusCode());
        assertEquals(400, call("GET", path + "image_type=private_image&has_vul=maybe", owner.token(), null).statusCode());
        assertEquals(400, call("GET", path + "image_type=private_image&scan_status=done", owner.token(), null).statusCode());
        assertEquals(403, call("GET", path + "image_type=private_image", friend.token(), null).statusCode(),
                "another account's project id");
        assertEquals(401, call("GET", path + "image_type=private_image", null, null).statusCode());
        HttpResponse<String> sync = call("POST", "/v5/" + project(owner) + "/image/synchronize", owner.token(),
                "{\"image_type\": \"private_image\"}");
        assertEquals(200, sync.statusCode(), sync.body());
        assertEquals(0, json(sync).getInt("error_code"));
    }
}
