package io.wharf.integration.webhook;

import io.wharf.domain.sync.SyncFailure;
import io.wharf.domain.trigger.WebhookSender;
import io.wharf.integration.registry.SyncNetworkPolicy;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Posts an event with {@code X-Wharf-Event}, {@code X-Wharf-Delivery} and {@code X-Wharf-Signature-256:
 * sha256=<hex HMAC-SHA256 of the body>}. Only to addresses the operator's network allowance permits (the one image
 * sync obeys), never following a redirect (which could lead elsewhere), and for at most {@link #TIMEOUT}: a receiver
 * that hangs costs one delivery attempt, nothing more. The response body is not read beyond its status.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final String SIGNATURE = "X-Wharf-Signature-256";
    /**
     * Every failure reads the same to the trigger's managers: a receiver's status code, timing or connection error
     * would make a port scanner of the webhook for whoever cannot reach the network it points into.
     */
    static final String NOT_DELIVERED = "The receiver did not accept the event (no answer, or an error status).";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(HttpWebhookSender.class.getName());

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final SyncNetworkPolicy network;

    public HttpWebhookSender() {
        this(SyncNetworkPolicy.configured());
    }

    public HttpWebhookSender(SyncNetworkPolicy network) {
        this.network = network;
    }

    @Override
    public Outcome send(String url, String secret, String deliveryId, String event, String body) {
        long start = System.nanoTime();
        try {
            URI uri = URI.create(url);
            network.check(uri);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Wharf-Webhook/1")
                    .header("X-Wharf-Event", event)
                    .header("X-Wharf-Delivery", deliveryId)
                    .header(SIGNATURE, "sha256=" + sign(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            LOG.fine(() -> "Webhook delivery " + deliveryId + " answered " + code);
            return new Outcome(code, millis(start), code >= 200 && code < 300 ? "" : NOT_DELIVERED);
        } catch (SyncFailure refused) {
            return new Outcome(0, millis(start), "Refused by the network policy: " + refused.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            LOG.fine(() -> "Webhook delivery " + deliveryId + " failed: " + e.getClass().getSimpleName());
            return new Outcome(0, millis(start), NOT_DELIVERED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, millis(start), "The delivery was interrupted (the server is stopping).");
        }
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}, as a receiver computes it to check the header. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
