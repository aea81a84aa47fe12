package io.wharf.web.it;

import jakarta.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Racing registry clients each get the answer they would get alone; and a small load run sees no error at all. */
class RegistryRacesIT {
    private static WharfServer.TestAccount owner;
    private static String ns;
    private static String basic;

    @BeforeAll
    static void setUp() {
        owner = newAccount(adminToken(), "race");
        ns = unique("race-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}").statusCode());
        basic = "Basic " + Base64.getEncoder().encodeToString((owner.name() + "/" + owner.adminName() + ":"
                + owner.adminPassword()).getBytes(StandardCharsets.UTF_8));
    }

    private static int repositoryCount() {
        HttpResponse<String> listed = call("GET", "/v2/manage/repos?filter=namespace::" + ns, owner.token(), null);
        return Json.createReader(new StringReader(listed.body())).readArray().size();
    }

    @Test
    void sixteenClientsPushingIntoANewRepositoryAllSucceedWithOneRepository() throws Exception {
        int before = repositoryCount();
        RegistryLoad.Result result = new RegistryLoad(WharfServer.URL, ns + "/fresh", basic).run(16, 1);
        assertEquals(0, result.errors(), result.toString());
        assertEquals(16, result.pushes(), result.toString());
        assertEquals(before + 1, repositoryCount());
    }

    @Test
    void parallelPutsOfOneNewTagAllSucceed() throws Exception {
        RegistryLoad seed = new RegistryLoad(WharfServer.URL, ns + "/tagged", basic);
        assertEquals(0, seed.run(1, 1).errors());
        HttpResponse<String> manifest = WharfServer.send(WharfServer.request("/v2/" + ns + "/tagged/manifests/c0-0")
                .header("Authorization", basic).header("Accept", "application/vnd.oci.image.manifest.v1+json"));
        assertEquals(200, manifest.statusCode());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 5; round++) {
                String tag = "same-" + round;
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    answers.add(pool.submit(() -> WharfServer.send(WharfServer.request("/v2/" + ns + "/tagged/manifests/" + tag)
                            .header("Authorization", basic).header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                            .PUT(HttpRequest.BodyPublishers.ofString(manifest.body()))).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertEquals(201, answer.get(), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSmallLoadOfPushesAndPullsHasNoErrors() throws Exception {
        RegistryLoad.Result result = new RegistryLoad(WharfServer.URL, ns + "/load", basic).run(4, 10);
        assertEquals(0, result.errors(), result.toString());
        assertEquals(40, result.pulls(), result.toString());
    }
}
