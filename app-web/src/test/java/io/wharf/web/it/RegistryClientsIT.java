package io.wharf.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static io.wharf.web.it.Skopeo.creds;
import static io.wharf.web.it.Skopeo.image;
import static io.wharf.web.it.Skopeo.run;
import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real registry clients (Debian's skopeo) pushing to and pulling from Wharf. */
class RegistryClientsIT {
    private static String admin;

    @BeforeAll
    static void signInAsAdministrator() {
        admin = adminToken();
    }

    private static String organization(WharfServer.TestAccount account) {
        String ns = unique("reg-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", account.token(), "{\"namespace\": \"" + ns + "\"}")
                .statusCode());
        return ns;
    }

    @Test
    void pushInspectListPullBackAndDelete(@TempDir Path dir) throws Exception {
        WharfServer.TestAccount owner = newAccount(admin, "pusher");
        String ns = organization(owner);
        OciLayout layout = OciLayout.simpleImage(dir.resolve("src"), "v1", 3, 300_000);
        Path pushed = dir.resolve("pushed.digest");
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "--digestfile", pushed.toString(),
                "oci:" + layout.root() + ":v1", image(ns + "/tools/app:v1")).ok();
        String digest = Files.readString(pushed).strip();

        JsonObject inspected = jsonOf(run("inspect", "--tls-verify=false", "--creds", creds(owner),
                image(ns + "/tools/app:v1")).ok().output());
        assertEquals(digest, inspected.getString("Digest"));
        assertEquals("amd64", inspected.getString("Architecture"));
        assertEquals(3, inspected.getJsonArray("Layers").size());

        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout.root() + ":v1",
                image(ns + "/tools/app:v2")).ok();
        String tags = run("list-tags", "--tls-verify=false", "--creds", creds(owner), image(ns + "/tools/app")).ok().output();
        assertTrue(tags.contains("\"v1\"") && tags.contains("\"v2\""), tags);

        Path back = dir.resolve("back");
        Path pulled = dir.resolve("pulled.digest");
        run("copy", "--src-tls-verify=false", "--src-creds", creds(owner), "--digestfile", pulled.toString(),
                image(ns + "/tools/app:v1"), "oci:" + back + ":v1").ok();
        assertEquals(digest, Files.readString(pulled).strip(), "the pulled image is the pushed one");

        // The management API now reports real content: size of config + layers, two tags, two pulls at least.
        JsonObject brief = json(call("GET", "/v2/manage/namespaces/" + ns + "/repos/tools$app", owner.token(), null));
        assertEquals(2, brief.getInt("num_images"));
        assertTrue(brief.getJsonNumber("size").longValue() > 900_000, brief.toString());
        assertTrue(brief.getInt("num_download") >= 2, brief.toString());

        run("delete", "--tls-verify=false", "--creds", creds(owner), image(ns + "/tools/app:v1")).ok();
        assertNotEquals(0, run("inspect", "--tls-verify=false", "--creds", creds(owner), image(ns + "/tools/app:v1"))
                .exitCode(), "deleting by digest removes every tag naming it");
        assertEquals(0, json(call("GET", "/v2/manage/namespaces/" + ns + "/repos/tools$app", owner.token(), null))
                .getInt("num_images"));
    }

    @Test
    void multiArchitectureIndexKeepsBothImages(@TempDir Path dir) {
        WharfServer.TestAccount owner = newAccount(admin, "multi");
        String ns = organization(owner);
        OciLayout.TwoArchitectures multi = OciLayout.twoArchitectures(dir.resolve("src"), "multi");
        OciLayout.Blob arm = multi.arm64();
        run("copy", "--all", "--dest-tls-verify=false", "--dest-creds", creds(owner),
                "oci:" + multi.layout().root() + ":multi", image(ns + "/multi:1.0")).ok();

        JsonObject raw = jsonOf(run("inspect", "--raw", "--tls-verify=false", "--creds", creds(owner),
                image(ns + "/multi:1.0")).ok().output());
        assertEquals(OciLayout.INDEX, raw.getString("mediaType"));
        assertEquals(2, raw.getJsonArray("manifests").size());
        JsonObject arm64 = jsonOf(run("inspect", "--override-arch", "arm64", "--tls-verify=false", "--creds", creds(owner),
                image(ns + "/multi:1.0")).ok().output());
        assertEquals("arm64", arm64.getString("Architecture"));
        JsonObject armManifest = jsonOf(run("inspect", "--raw", "--tls-verify=false", "--creds", creds(owner),
                image(ns + "/multi@" + arm.digest())).ok().output());
        assertEquals(OciLayout.MANIFEST, armManifest.getString("mediaType"), "each child is stored under its own digest");
    }

    @Test
    void publicRepositoriesPullAnonymouslyAndSharesOpenPrivateOnes(@TempDir Path dir) {
        WharfServer.TestAccount owner = newAccount(admin, "owner");
        WharfServer.TestAccount other = newAccount(admin, "other");
        String ns = organization(owner);
        OciLayout layout = OciLayout.simpleImage(dir.resolve("src"), "v1", 1, 10_000);
        for (String repo : List.of("open", "closed")) {
            run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "oci:" + layout.root() + ":v1",
                    image(ns + "/" + repo + ":v1")).ok();
        }
        assertEquals(201, call("PATCH", "/v2/manage/namespaces/" + ns + "/repos/open", owner.token(),
                "{\"is_public\": true, \"category\": \"linux\"}").statusCode());

        run("inspect", "--tls-verify=false", "--no-creds", image(ns + "/open:v1")).ok();
        assertNotEquals(0, run("inspect", "--tls-verify=false", "--no-creds", image(ns + "/closed:v1")).exitCode());
        assertNotEquals(0, run("inspect", "--tls-verify=false", "--creds", creds(other), image(ns + "/closed:v1")).exitCode(),
                "another account's private repository is refused");
        assertNotEquals(0, run("copy", "--dest-tls-verify=false", "--dest-creds", creds(other),
                "oci:" + layout.root() + ":v1", image(ns + "/closed:v2")).exitCode(), "and it may not push there");

        assertEquals(201, call("POST", "/v2/manage/namespaces/" + ns + "/repositories/closed/access-domains",
                owner.token(), "{\"access_domain\": \"" + other.name() + "\", \"permit\": \"read\", \"deadline\": \"forever\"}")
                .statusCode());
        run("inspect", "--tls-verify=false", "--creds", creds(other), image(ns + "/closed:v1")).ok();
        run("copy", "--src-tls-verify=false", "--src-creds", creds(other), image(ns + "/closed:v1"),
                "oci:" + dir.resolve("shared") + ":v1").ok();
    }

    @Test
    void temporaryLoginAndAccessKeyLoginsWork(@TempDir Path dir) {
        WharfServer.TestAccount owner = newAccount(admin, "logins");
        String ns = organization(owner);
        OciLayout layout = OciLayout.simpleImage(dir.resolve("src"), "v1", 1, 5_000);

        HttpResponse<String> secret = call("POST", "/v2/manage/utils/secret", owner.token(), null);
        assertEquals(200, secret.statusCode(), secret.body());
        assertTrue(secret.headers().firstValue("X-Swr-Dockerlogin").orElseThrow().startsWith("docker login -u "));
        String auth = json(secret).getJsonObject("auths").getJsonObject(Skopeo.REGISTRY).getString("auth");
        String temporary = new String(Base64.getDecoder().decode(auth));
        run("copy", "--dest-tls-verify=false", "--dest-creds", temporary, "oci:" + layout.root() + ":v1",
                image(ns + "/app:temp")).ok();
        assertEquals(401, call("GET", "/v2/manage/namespaces", temporary.substring(temporary.indexOf(':') + 1), null)
                .statusCode(), "a docker login secret is not an API token");

        HttpResponse<String> key = call("POST", "/v3.0/OS-CREDENTIAL/credentials", owner.token(),
                "{\"credential\": {\"description\": \"ci\"}}");
        assertEquals(201, key.statusCode(), key.body());
        JsonObject credential = json(key).getJsonObject("credential");
        String ak = credential.getString("access");
        String sk = credential.getString("secret");
        run("inspect", "--tls-verify=false", "--creds", ak + ":" + sk, image(ns + "/app:temp")).ok();
        run("inspect", "--tls-verify=false", "--creds", "wharf-local@" + ak + ":" + loginKey(ak, sk),
                image(ns + "/app:temp")).ok();
        assertNotEquals(0, run("inspect", "--tls-verify=false", "--creds", ak + ":wrong", image(ns + "/app:temp"))
                .exitCode());
    }

    static String loginKey(String ak, String sk) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(sk.getBytes(), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(ak.getBytes()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject jsonOf(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
