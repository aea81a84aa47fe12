package io.wharf.domain.trigger;

/** Sends one event to a webhook: an HTTP POST of the JSON body, signed with the trigger's key. */
public interface WebhookSender {

    /** What the receiver answered: its status (0 when none came) in how long, and a short reason when it failed. */
    record Outcome(int responseCode, long durationMillis, String detail) {
        public boolean delivered() {
            return responseCode >= 200 && responseCode < 300;
        }
    }

    Outcome send(String url, String secret, String deliveryId, String event, String body);
}
