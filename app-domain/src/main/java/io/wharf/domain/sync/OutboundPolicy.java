package io.wharf.domain.sync;

import io.wharf.domain.error.WharfException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The operator's rule for where Wharf may connect (webhooks, registries, regions, feed mirrors). Asked when a target
 * is created, so that one the rule will always refuse is a 400 naming the field rather than a job retried for minutes.
 */
public interface OutboundPolicy {

    /** Why the rule refuses {@code target} now; a host name that does not resolve yet is not refused here. */
    Optional<String> refusal(URI target);

    /** Refuses {@code url} as the {@code field}'s value when the rule refuses it. */
    default void requireReachable(String field, String url) {
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw WharfException.invalid(field, field + " is not a URL.");
        }
        refusal(target).ifPresent(why -> {
            throw WharfException.invalid(field, field + " is an address Wharf may not connect to: " + why);
        });
    }
}
