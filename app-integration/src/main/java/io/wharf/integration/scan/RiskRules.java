package io.wharf.integration.scan;

import io.wharf.domain.scan.BaselineRule;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.integration.scan.image.ImageFile;
import io.wharf.integration.scan.image.ShadowFile;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies the unsafe-settings baseline ({@link BaselineRule#ALL}, HSS's "risk configs") to an image's config and
 * files; the evidence of a failed rule names what failed it, never a secret's value.
 */
public final class RiskRules {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY).*");
    private static final Pattern AWS_KEY = Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}");

    private RiskRules() {
    }

    public static List<RiskCheck> check(JsonObject imageConfig, Collection<ImageFile> files) {
        JsonObject config = imageConfig.containsKey("config") && imageConfig.get("config").getValueType()
                == JsonValue.ValueType.OBJECT ? imageConfig.getJsonObject("config") : JsonValue.EMPTY_JSON_OBJECT;
        List<String> evidence = new ArrayList<>();
        String user = config.getString("User", "").strip();
        evidence.add(user.isEmpty() || user.equals("root") || user.equals("0") || user.startsWith("root:")
                || user.startsWith("0:") ? "User is " + (user.isEmpty() ? "not set (root)" : user) : null);
        evidence.add(secretsIn(config));
        evidence.add(config.containsKey("Healthcheck") ? null : "no HEALTHCHECK in the image config");
        evidence.add(exposed(config));
        evidence.add(paths(files, f -> (f.mode() & (ImageFile.SETUID | ImageFile.SETGID)) != 0));
        evidence.add(paths(files, f -> f.path().startsWith("etc/") && (f.mode() & ImageFile.WORLD_WRITABLE) != 0));
        evidence.add(paths(files, f -> List.of("usr/sbin/sshd", "usr/sbin/dropbear", "usr/sbin/telnetd",
                "usr/sbin/in.telnetd", "usr/bin/telnetd").contains(f.path())));
        evidence.add(files.stream().flatMap(f -> f.facts().stream()).filter(ShadowFile.EmptyPasswords.class::isInstance)
                .map(ShadowFile.EmptyPasswords.class::cast).flatMap(e -> e.users().stream()).reduce((a, b) -> a + ", " + b)
                .map(users -> "etc/shadow: " + users).orElse(null));
        List<RiskCheck> checks = new ArrayList<>();
        for (int i = 0; i < BaselineRule.ALL.size(); i++) {
            BaselineRule r = BaselineRule.ALL.get(i);
            String failed = evidence.get(i);
            checks.add(new RiskCheck(r.checkName(), r.checkType(), BaselineRule.STANDARD, r.id(), r.name(), r.severity(),
                    failed == null, failed == null ? "" : failed));
        }
        return checks;
    }

    /** Variables whose name says secret with a value, or whose value is an AWS access key id; values never shown. */
    private static String secretsIn(JsonObject config) {
        if (!config.containsKey("Env") || config.get("Env").getValueType() != JsonValue.ValueType.ARRAY) {
            return null;
        }
        List<String> names = config.getJsonArray("Env").stream().filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString()).filter(e -> e.contains("="))
                .filter(e -> {
                    String name = e.substring(0, e.indexOf('='));
                    String value = e.substring(e.indexOf('=') + 1);
                    return (SECRET_NAME.matcher(name).matches() && !value.isBlank()) || AWS_KEY.matcher(value).find();
                }).map(e -> e.substring(0, e.indexOf('='))).toList();
        return names.isEmpty() ? null : "Env sets " + String.join(", ", names);
    }

    private static String exposed(JsonObject config) {
        if (!config.containsKey("ExposedPorts") || config.get("ExposedPorts").getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        List<String> risky = config.getJsonObject("ExposedPorts").keySet().stream()
                .filter(p -> p.equals("22/tcp") || p.equals("23/tcp") || p.equals("22") || p.equals("23")).sorted().toList();
        return risky.isEmpty() ? null : "exposes " + String.join(", ", risky);
    }

    private static String paths(Collection<ImageFile> files, Predicate<ImageFile> rule) {
        List<String> found = files.stream().filter(rule).map(f -> "/" + f.path()).sorted().toList();
        if (found.isEmpty()) {
            return null;
        }
        return found.stream().limit(20).collect(Collectors.joining(", ")) + (found.size() > 20
                ? " and " + (found.size() - 20) + " more" : "");
    }
}
