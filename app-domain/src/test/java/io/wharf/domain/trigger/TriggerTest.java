package io.wharf.domain.trigger;

import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A trigger's fields are checked as the reference gives them, each refusal naming its field. */
class TriggerTest {
    private static Trigger.Draft draft(String name, String mode, String appType, String type, String condition,
                                       String url, String secret) {
        return new Trigger.Draft(name, "update", appType, "web", null, null, "default", condition, null, "true", mode,
                type, url, secret);
    }

    private static String refusedField(Trigger.Draft draft) {
        return assertThrows(WharfException.class, draft::check).field();
    }

    @Test
    void eachBrokenFieldIsNamed() {
        String url = "https://hooks.example/x";
        String key = "0123456789abcdef";
        assertEquals("name", refusedField(draft("Bad Name", "cce", "deployments", "all", ".*", url, key)));
        assertEquals("trigger_mode", refusedField(draft("t", "k8s", "deployments", "all", ".*", url, key)));
        assertEquals("app_type", refusedField(draft("t", "cce", "pods", "all", ".*", url, key)));
        assertEquals("trigger_type", refusedField(draft("t", "cce", "deployments", "some", ".*", url, key)));
        assertEquals("condition", refusedField(draft("t", "cce", "deployments", "regular", "(", url, key)));
        assertEquals("condition", refusedField(draft("t", "cce", "deployments", "tag", "ok;no tag", url, key)));
        assertEquals("webhook_url", refusedField(draft("t", "cce", "deployments", "all", ".*", null, key)));
        assertEquals("webhook_url", refusedField(draft("t", "cce", "deployments", "all", ".*", "ftp://x/y", key)));
        assertEquals("webhook_secret", refusedField(draft("t", "cce", "deployments", "all", ".*", url, "short")));
    }

    @Test
    void theWebhookModeNeedsNoWorkloadAndAllMeansEveryTag() {
        Trigger.Draft ok = draft("t", "webhook", null, "all", "ignored", "https://hooks.example/x", "0123456789abcdef").check();
        assertEquals(".*", ok.condition());
        assertEquals("cce", draft("t", null, "deployments", "all", "", "https://h.example/", "0123456789abcdef").check()
                .triggerMode(), "cce is the reference's default mode");
    }
}
