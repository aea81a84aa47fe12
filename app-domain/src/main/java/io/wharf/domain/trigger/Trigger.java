package io.wharf.domain.trigger;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.naming.BoundedText;
import io.wharf.domain.repository.ImageTag;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A repository's trigger with the reference's fields ({@code action} update, {@code app_type}, {@code application},
 * {@code cluster_*}, {@code container}, {@code trigger_mode}, {@code trigger_type} all|tag|regular with its
 * {@code condition}) and Wharf's target: {@code webhookUrl}, and the HMAC key, kept only sealed.
 */
public record Trigger(long id, long repositoryId, String name, String action, String appType, String application,
                      String clusterId, String clusterName, String clusterNs, String condition, String container,
                      boolean enabled, String triggerMode, String triggerType, String webhookUrl, String sealedSecret,
                      String creatorName, Instant createdAt) {
    public static final String ALL = "all";
    public static final String TAG = "tag";
    public static final String REGULAR = "regular";
    /** Wharf's mode: the webhook alone, no workload fields needed. */
    public static final String WEBHOOK = "webhook";
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9_-]{0,62}[a-z0-9])?");
    private static final Set<String> MODES = Set.of("cce", "cci", WEBHOOK);
    private static final int MAX_CONDITION = 256;
    /** Triggers per repository: every push matches each one's condition, so their number bounds a push's work. */
    public static final int MAX_PER_REPOSITORY = 20;

    /** What a user asks for; {@link #check()} says what is wrong with it, naming the field. */
    public record Draft(String name, String action, String appType, String application, String clusterId,
                        String clusterName, String clusterNs, String condition, String container, String enable,
                        String triggerMode, String triggerType, String webhookUrl, String webhookSecret) {

        /** The checked trigger, its secret still plain (the service seals it). */
        public Draft check() {
            if (name == null || !NAME.matcher(name).matches()) {
                throw invalid("name", "name must be 1-64 lowercase letters, digits, '_' or '-', starting with a letter"
                        + " and ending with a letter or digit.");
            }
            if (!"update".equals(action)) {
                throw invalid("action", "action must be update.");
            }
            String mode = triggerMode == null || triggerMode.isEmpty() ? "cce" : triggerMode;
            if (!MODES.contains(mode)) {
                throw invalid("trigger_mode", "trigger_mode must be cce, cci or webhook.");
            }
            if (!WEBHOOK.equals(mode)) {
                if (!"deployments".equals(appType) && !"statefulsets".equals(appType)) {
                    throw invalid("app_type", "app_type must be deployments or statefulsets.");
                }
                required("application", application, 128);
                required("cluster_ns", clusterNs, 128);
            }
            optional("app_type", appType, 32);
            optional("application", application, 128);
            optional("cluster_ns", clusterNs, 128);
            optional("cluster_id", clusterId, 128);
            optional("cluster_name", clusterName, 128);
            optional("container", container, 128);
            if (!"true".equals(enable) && !"false".equals(enable)) {
                throw invalid("enable", "enable must be \"true\" or \"false\".");
            }
            String type = triggerType == null ? "" : triggerType;
            String when = checkedCondition(type, condition);
            webhook(webhookUrl, webhookSecret);
            return new Draft(name, action, appType, application, clusterId, clusterName, clusterNs, when, container,
                    enable, mode, type, webhookUrl, webhookSecret);
        }
    }

    /** The trigger without where it delivers (its webhook address may hold a token), for readers who are not its managers. */
    public Trigger withoutTarget() {
        return new Trigger(id, repositoryId, name, action, appType, application, clusterId, clusterName, clusterNs,
                condition, container, enabled, triggerMode, triggerType, null, null, creatorName, createdAt);
    }

    /** Whether a push of {@code tag} fires this trigger. */
    public boolean fires(String tag) {
        if (!enabled) {
            return false;
        }
        return switch (triggerType) {
            case ALL -> true;
            case TAG -> Arrays.asList(condition.split(";")).contains(tag);
            default -> BoundedText.matches(Pattern.compile(condition), tag);
        };
    }

    private static String checkedCondition(String type, String condition) {
        switch (type) {
            case ALL -> {
                return ".*";
            }
            case TAG -> {
                if (condition == null || condition.isEmpty() || condition.length() > MAX_CONDITION) {
                    throw invalid("condition", "condition must name 1 or more tags separated by ';' (at most "
                            + MAX_CONDITION + " characters) when trigger_type is tag.");
                }
                for (String tag : condition.split(";", -1)) {
                    if (!ImageTag.NAME.matcher(tag).matches()) {
                        throw invalid("condition", "condition: '" + tag + "' is not a tag name.");
                    }
                }
                return condition;
            }
            case REGULAR -> {
                if (condition == null || condition.isEmpty() || condition.length() > MAX_CONDITION) {
                    throw invalid("condition", "condition must be a regular expression of 1 to " + MAX_CONDITION
                            + " characters when trigger_type is regular.");
                }
                try {
                    Pattern.compile(condition);
                } catch (PatternSyntaxException e) {
                    throw invalid("condition", "condition is not a regular expression: " + e.getDescription() + ".");
                }
                return condition;
            }
            default -> throw invalid("trigger_type", "trigger_type must be all, tag or regular.");
        }
    }

    private static void webhook(String url, String secret) {
        if (url == null || url.isEmpty() || url.length() > 1024) {
            throw invalid("webhook_url", "webhook_url is required: Wharf delivers a trigger's events to a webhook,"
                    + " http(s)://host[:port]/path, at most 1024 characters.");
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw invalid("webhook_url", "webhook_url must be http(s)://host[:port]/path with no credentials or fragment.");
            }
        } catch (URISyntaxException e) {
            throw invalid("webhook_url", "webhook_url is not a URL.");
        }
        if (secret == null || secret.length() < 16 || secret.length() > 256) {
            throw invalid("webhook_secret", "webhook_secret must be 16 to 256 characters: the key of each event's"
                    + " HMAC-SHA256 signature.");
        }
    }

    private static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required.");
        }
        optional(field, value, max);
    }

    private static void optional(String field, String value, int max) {
        if (value != null && (value.length() > max || value.chars().anyMatch(Character::isISOControl))) {
            throw invalid(field, field + " must be at most " + max + " characters, without control characters.");
        }
    }

    private static WharfException invalid(String field, String message) {
        return WharfException.invalid(field, message);
    }
}
