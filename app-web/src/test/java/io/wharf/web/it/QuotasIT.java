package io.wharf.web.it;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.swr.v2.SwrClient;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequestBody;
import com.huaweicloud.sdk.swr.v2.model.ListQuotasRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowQuota;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quotas: {@code ListQuotas} through the official SDK, an administrator's limits, and their enforcement. */
class QuotasIT {

    private static String used(SwrClient swr) {
        return swr.listQuotas(new ListQuotasRequest()).getQuotas().stream()
                .map(q -> q.getQuotaKey() + "=" + q.getUsed() + "/" + q.getQuotaLimit() + q.getUnit()).toList().toString();
    }

    private static void setQuotas(String projectId, String json) {
        HttpResponse<String> set = call("PUT", "/v2/manage/projects/" + projectId + "/quotas", adminToken(), json);
        assertEquals(204, set.statusCode(), set.body());
    }

    @Test
    void limitsAreListedSetByAnAdministratorAndEnforcedOnCreateAndPush() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "quota");
        OfficialSdkIT.Keys keys = OfficialSdkIT.accessKeyOf(owner);
        SwrClient swr = OfficialSdkIT.client(keys);
        List<ShowQuota> quotas = swr.listQuotas(new ListQuotasRequest()).getQuotas();
        assertEquals("[namespace=0/-1, repository=0/-1, storage=0/-1MiB]", used(swr), "no limit by default");
        assertEquals(List.of("namespace", "repository", "storage"), quotas.stream().map(ShowQuota::getQuotaKey).toList());

        HttpResponse<String> ownerSets = call("PUT", "/v2/manage/projects/" + keys.project() + "/quotas", owner.token(),
                "{\"quotas\": [{\"quota_key\": \"namespace\", \"quota_limit\": 100}]}");
        assertEquals(403, ownerSets.statusCode(), "an account administrator does not raise their own quota");
        HttpResponse<String> badKey = call("PUT", "/v2/manage/projects/" + keys.project() + "/quotas", adminToken(),
                "{\"quotas\": [{\"quota_key\": \"cpu\", \"quota_limit\": 1}]}");
        assertEquals(400, badKey.statusCode());
        assertTrue(badKey.body().contains("quotas[0].quota_key"), badKey.body());
        setQuotas(keys.project(), "{\"quotas\": [{\"quota_key\": \"namespace\", \"quota_limit\": 1},"
                + " {\"quota_key\": \"storage\", \"quota_limit\": 1}]}");

        String ns = unique("quota-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        ServiceResponseException second = assertThrows(ServiceResponseException.class, () -> swr.createNamespace(
                new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(unique("quota-")))));
        assertEquals(400, second.getHttpStatusCode());
        assertEquals("SVCSTG.SWR.4000097", second.getErrorCode());

        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        Path work = Files.createTempDirectory("quota");
        Path big = ImageScanningIT.writeImage(work.resolve("big"), Map.of("srv/data", Base64.getEncoder().encodeToString(noise)));
        Skopeo.Result refused = Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner),
                "oci:" + big + ":1.0", Skopeo.image(ns + "/big:1.0"));
        assertFalse(refused.exitCode() == 0, "a push over the storage quota fails");
        assertTrue(refused.output().contains("quota of 1 MiB of storage"), refused.output());
        assertEquals(404, call("GET", "/v2/manage/namespaces/" + ns + "/repos/big", owner.token(), null).statusCode(),
                "the refused push left no repository behind");
        assertEquals("[namespace=1/1, repository=0/-1, storage=0/1MiB]", used(swr));

        Path small = ImageScanningIT.writeImage(work.resolve("small"), Map.of("srv/app", "small"));
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + small + ":1.0",
                Skopeo.image(ns + "/small:1.0")).ok();
        assertEquals("[namespace=1/1, repository=1/-1, storage=1/1MiB]", used(swr));
    }

    @Test
    void racingCreatesTogetherNeverPassTheLimit() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "quotarace");
        OfficialSdkIT.Keys keys = OfficialSdkIT.accessKeyOf(owner);
        setQuotas(keys.project(), "{\"quotas\": [{\"quota_key\": \"namespace\", \"quota_limit\": 3}]}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String ns = unique("qrace" + i + "-");
                creates.add(() -> call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}")
                        .statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(creates)) {
                codes.add(f.get());
            }
            assertEquals(3, codes.stream().filter(c -> c == 201).count(), codes.toString());
            assertEquals(5, codes.stream().filter(c -> c == 400).count(), codes.toString());
        } finally {
            pool.shutdown();
        }
    }
}
