package io.wharf.web.it;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.swr.v2.SwrClient;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequestBody;
import com.huaweicloud.sdk.swr.v2.model.CreateTriggerRequest;
import com.huaweicloud.sdk.swr.v2.model.CreateTriggerRequestBody;
import com.huaweicloud.sdk.swr.v2.model.DeleteTriggerRequest;
import com.huaweicloud.sdk.swr.v2.model.ListTriggersDetailsRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowTriggerRequest;
import com.huaweicloud.sdk.swr.v2.model.ShowTriggerResponse;
import com.huaweicloud.sdk.swr.v2.model.Trigger;
import com.huaweicloud.sdk.swr.v2.model.UpdateTriggerRequest;
import com.huaweicloud.sdk.swr.v2.model.UpdateTriggerRequestBody;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Triggers through the official SDK ({@code CreateTrigger}, {@code ListTriggersDetails}, {@code ShowTrigger},
 * {@code UpdateTrigger}, {@code DeleteTrigger}); a push fires them and a small HTTP server here receives the signed
 * webhook event. Wharf's {@code webhook_url}/{@code webhook_secret} ride along in a subclass of the SDK's body.
 */
class TriggersIT {
    private static final String SECRET = "it-webhook-secret-0123";

    /** The SDK's create body with Wharf's extension fields. */
    static final class WebhookTriggerBody extends CreateTriggerRequestBody {
        @JsonProperty("webhook_url")
        public String webhookUrl;
        @JsonProperty("webhook_secret")
        public String webhookSecret;
    }

    record Received(String body, String signature, String delivery) {
    }

    private HttpServer receiver;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", exchange -> {
            received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Wharf-Signature-256"),
                    exchange.getRequestHeaders().getFirst("X-Wharf-Delivery")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/flaky", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(flakyCalls.incrementAndGet() < 3 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hook(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static WebhookTriggerBody body(String name, String type, String condition, String url) {
        WebhookTriggerBody body = new WebhookTriggerBody();
        body.withAction("update").withAppType("deployments").withApplication("web").withClusterNs("default")
                .withCondition(condition).withEnable("true").withName(name).withTriggerMode("cce").withTriggerType(type);
        body.webhookUrl = url;
        body.webhookSecret = SECRET;
        return body;
    }

    private static void push(WharfServer.TestAccount owner, Path layout, String image) {
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", Skopeo.creds(owner), "oci:" + layout + ":1.0",
                Skopeo.image(image)).ok();
    }

    @Test
    void aPushDeliversASignedEventAndTheSdkManagesTheTriggers() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "hooks");
        SwrClient swr = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(owner));
        String ns = unique("hooks-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        Path layout = ImageScanningIT.writeImage(Files.createTempDirectory("hooks").resolve("i"), Map.of("srv/app", "1"));
        push(owner, layout, ns + "/app:1.0");

        swr.createTrigger(new CreateTriggerRequest().withNamespace(ns).withRepository("app")
                .withBody(body("deploy", "regular", "v[0-9]+", hook("/ok"))));
        push(owner, layout, ns + "/app:latest");
        push(owner, layout, ns + "/app:v2");
        Received event = received.poll(30, TimeUnit.SECONDS);
        assertNotNull(event, "the push of v2 was delivered");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(event.body().getBytes(StandardCharsets.UTF_8))),
                event.signature(), "the signature is the body's HMAC under the trigger's key");
        JsonObject json = Json.createReader(new StringReader(event.body())).readObject();
        assertEquals(List.of("push", ns, "app", "v2", owner.adminName()), List.of(json.getString("event"),
                json.getString("namespace"), json.getString("repository"), json.getString("tag"), json.getString("pusher")));
        assertTrue(json.getString("digest").startsWith("sha256:"));
        assertEquals("web", json.getJsonObject("trigger").getString("application"));
        assertEquals(null, received.poll(1, TimeUnit.SECONDS), "latest does not match v[0-9]+");

        List<Trigger> listed = swr.listTriggersDetails(new ListTriggersDetailsRequest().withNamespace(ns)
                .withRepository("app")).getBody();
        assertEquals(1, listed.size());
        assertEquals(List.of("deploy", "regular", "v[0-9]+", "true", owner.adminName()), List.of(listed.get(0).getName(),
                listed.get(0).getTriggerType(), listed.get(0).getCondition(), listed.get(0).getEnable(),
                listed.get(0).getCreatorName()));
        ShowTriggerResponse shown = swr.showTrigger(new ShowTriggerRequest().withNamespace(ns).withRepository("app")
                .withTrigger("deploy"));
        assertEquals("v2", shown.getTriggerHistory().get(0).getTag());
        assertEquals("success", shown.getTriggerHistory().get(0).getResult());

        swr.updateTrigger(new UpdateTriggerRequest().withNamespace(ns).withRepository("app").withTrigger("deploy")
                .withBody(new UpdateTriggerRequestBody().withEnable("false")));
        assertEquals("false", swr.showTrigger(new ShowTriggerRequest().withNamespace(ns).withRepository("app")
                .withTrigger("deploy")).getEnable());

        ServiceResponseException taken = assertThrows(ServiceResponseException.class, () -> swr.createTrigger(
                new CreateTriggerRequest().withNamespace(ns).withRepository("app")
                        .withBody(body("deploy", "all", ".*", hook("/ok")))));
        assertEquals(409, taken.getHttpStatusCode());
        ServiceResponseException badType = assertThrows(ServiceResponseException.class, () -> swr.createTrigger(
                new CreateTriggerRequest().withNamespace(ns).withRepository("app")
                        .withBody(body("other", "sometimes", ".*", hook("/ok")))));
        assertEquals(400, badType.getHttpStatusCode());
        assertTrue(badType.getErrorMsg().contains("trigger_type"), badType.getErrorMsg());

        swr.deleteTrigger(new DeleteTriggerRequest().withNamespace(ns).withRepository("app").withTrigger("deploy"));
        ServiceResponseException gone = assertThrows(ServiceResponseException.class, () -> swr.showTrigger(
                new ShowTriggerRequest().withNamespace(ns).withRepository("app").withTrigger("deploy")));
        assertEquals(404, gone.getHttpStatusCode());
    }

    @Test
    void aReceiverThatFailsIsRetriedUntilItAnswers() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "retry");
        SwrClient swr = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(owner));
        String ns = unique("retry-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        Path layout = ImageScanningIT.writeImage(Files.createTempDirectory("retry").resolve("i"), Map.of("srv/app", "2"));
        push(owner, layout, ns + "/app:1.0");
        swr.createTrigger(new CreateTriggerRequest().withNamespace(ns).withRepository("app")
                .withBody(body("flaky", "tag", "rc1;rc2", hook("/flaky"))));
        push(owner, layout, ns + "/app:rc1");
        ShowTriggerResponse shown = null;
        for (int i = 0; i < 60; i++) {
            shown = swr.showTrigger(new ShowTriggerRequest().withNamespace(ns).withRepository("app").withTrigger("flaky"));
            if (!shown.getTriggerHistory().isEmpty() && "success".equals(shown.getTriggerHistory().get(0).getResult())) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("success", shown.getTriggerHistory().get(0).getResult(), "answered 500 twice, then 200: "
                + shown.getTriggerHistory());
        assertEquals(3, flakyCalls.get());
        var listed = WharfServer.call("GET", "/v2/manage/namespaces/" + ns
                + "/repos/app/triggers/flaky/deliveries?offset=0&limit=5", owner.token(), null);
        assertEquals(200, listed.statusCode(), listed.body());
        var deliveries = WharfServer.json(listed);
        assertEquals(1, deliveries.getInt("total"));
        assertEquals(3, deliveries.getJsonArray("deliveries").getJsonObject(0).getInt("attempts"));
        assertTrue(!deliveries.getJsonArray("deliveries").getJsonObject(0).containsKey("response_code"),
                "a receiver's status code is never reported: it would make a port scanner of the webhook");
    }

    @Test
    void readersOfAPublicRepositorySeeThatATriggerExistsButNotWhereItDelivers() throws Exception {
        WharfServer.TestAccount owner = newAccount(adminToken(), "hookpub");
        WharfServer.TestAccount reader = newAccount(adminToken(), "hookread");
        SwrClient swr = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(owner));
        String ns = unique("hookpub-");
        swr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(ns)));
        Path layout = ImageScanningIT.writeImage(Files.createTempDirectory("hookpub").resolve("i"), Map.of("srv/p", "1"));
        push(owner, layout, ns + "/app:1.0");
        assertEquals(201, WharfServer.call("PATCH", "/v2/manage/namespaces/" + ns + "/repos/app", owner.token(),
                "{\"is_public\": true, \"category\": \"other\", \"description\": \"\"}").statusCode());
        String secretUrl = hook("/ok") + "?token=s3cr3t-in-the-url";
        swr.createTrigger(new CreateTriggerRequest().withNamespace(ns).withRepository("app")
                .withBody(body("deploy", "all", "", secretUrl)));
        String path = "/v2/manage/namespaces/" + ns + "/repos/app/triggers";
        var asOwner = WharfServer.call("GET", path, owner.token(), null);
        assertTrue(asOwner.body().contains("s3cr3t-in-the-url"), "the managers see the address they set");
        for (String shown : List.of(path, path + "/deploy")) {
            var asReader = WharfServer.call("GET", shown, reader.token(), null);
            assertEquals(200, asReader.statusCode(), asReader.body());
            assertTrue(asReader.body().contains("deploy"), asReader.body());
            assertTrue(!asReader.body().contains("s3cr3t") && !asReader.body().contains("127.0.0.1"), asReader.body());
        }
        var refused = WharfServer.call("POST", path, owner.token(), ("{\"name\":\"meta\",\"action\":\"update\","
                + "\"trigger_mode\":\"webhook\",\"trigger_type\":\"all\",\"enable\":\"true\",\"webhook_url\":"
                + "\"http://169.254.169.254/latest/meta-data\",\"webhook_secret\":\"0123456789abcdef\"}"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("webhook_url"), refused.body());
    }

    /**
     * Issue 27: one account's slow receivers once held every delivery slot, and another account's event waited for
     * them. Account a's four receivers hang (up to 9 s); account b's event must arrive while they still hang.
     */
    @Test
    void oneAccountsSlowReceiversDoNotDelayAnotherAccountsDelivery() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger slowAnswered = new AtomicInteger();
        java.util.concurrent.CompletableFuture<Integer> fastArrived = new java.util.concurrent.CompletableFuture<>();
        HttpServer receivers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receivers.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receivers.createContext("/slow", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                release.await(9, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowAnswered.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receivers.createContext("/fast", exchange -> {
            exchange.getRequestBody().readAllBytes();
            fastArrived.complete(slowAnswered.get());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receivers.start();
        try {
            String base = "http://127.0.0.1:" + receivers.getAddress().getPort();
            WharfServer.TestAccount slow = newAccount(adminToken(), "slowhooks");
            WharfServer.TestAccount fast = newAccount(adminToken(), "fasthooks");
            Path layout = ImageScanningIT.writeImage(Files.createTempDirectory("fairness").resolve("i"), Map.of("srv/f", "1"));
            String slowNs = unique("slowhooks-");
            String fastNs = unique("fasthooks-");
            SwrClient slowSwr = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(slow));
            SwrClient fastSwr = OfficialSdkIT.client(OfficialSdkIT.accessKeyOf(fast));
            slowSwr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(slowNs)));
            fastSwr.createNamespace(new CreateNamespaceRequest().withBody(new CreateNamespaceRequestBody().withNamespace(fastNs)));
            push(slow, layout, slowNs + "/app:0");
            push(fast, layout, fastNs + "/app:0");
            for (int i = 0; i < 4; i++) {
                slowSwr.createTrigger(new CreateTriggerRequest().withNamespace(slowNs).withRepository("app")
                        .withBody(body("slow-" + i, "all", ".*", base + "/slow")));
            }
            fastSwr.createTrigger(new CreateTriggerRequest().withNamespace(fastNs).withRepository("app")
                    .withBody(body("fast", "all", ".*", base + "/fast")));
            push(slow, layout, slowNs + "/app:1");
            Thread.sleep(1500);
            push(fast, layout, fastNs + "/app:1");
            int slowDoneWhenFastArrived = fastArrived.get(30, TimeUnit.SECONDS);
            assertEquals(0, slowDoneWhenFastArrived, "account b's event arrived while account a's receivers still hung");
        } finally {
            release.countDown();
            receivers.stop(0);
        }
    }
}
