package io.wharf.integration.registry;

import io.wharf.domain.sync.SyncFailure;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's {@code WWW-Authenticate} challenge as sync and replication answer it: Basic, or Bearer with the realm
 * of a token service and the parameters to ask it with.
 */
record RegistryChallenge(boolean basic, String realm, Map<String, String> parameters) {
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final JsonProvider JSON = JsonProvider.provider();

    static RegistryChallenge parse(String header) {
        if (header.regionMatches(true, 0, "Basic", 0, 5)) {
            return new RegistryChallenge(true, null, Map.of());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(header);
        while (m.find()) {
            parameters.put(m.group(1), m.group(2));
        }
        String realm = parameters.remove("realm");
        if (!header.regionMatches(true, 0, "Bearer", 0, 6) || realm == null) {
            throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER,
                    "The registry's challenge asks for neither Basic credentials nor a bearer token.");
        }
        return new RegistryChallenge(false, realm, parameters);
    }

    /** The token service's address with the challenge's parameters; {@code scope}, when given, replaces its scope. */
    URI tokenUri(String scope) {
        Map<String, String> asked = new LinkedHashMap<>(parameters);
        if (scope != null) {
            asked.put("scope", scope);
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        asked.forEach((key, value) -> url.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .append('&'));
        return URI.create(url.toString());
    }

    /** The {@code Authorization} value from a token service's JSON answer. */
    static String bearer(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject token = reader.readObject();
            String value = token.getString("token", token.getString("access_token", null));
            if (value == null) {
                throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry's token service gave no token.");
            }
            return "Bearer " + value;
        } catch (jakarta.json.JsonException | ClassCastException e) {
            throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry's token service answered no JSON object.");
        }
    }
}
