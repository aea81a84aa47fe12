package io.wharf.web.it;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.request;
import static io.wharf.web.it.WharfServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document Wharf serves ({@code GET /openapi}, mpOpenAPI) against the official SDKs' models: every
 * property of a Wharf body the SDK also models has the SDK's JSON name and a JSON type the SDK's Java type reads.
 */
class OpenApiIT {
    /** Fields Wharf adds to HSS bodies (the SDK ignores fields it does not model), each documented in docs/hss.md. */
    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "VulnerabilityInfo", Set.of("severity", "cvss_score", "cve_id", "fixed_version"),
            "ImageAssetResponse", Set.of("severity_summary"));

    private static JsonObject document() {
        var response = send(request("/openapi?format=JSON").GET());
        assertEquals(200, response.statusCode());
        return json(response);
    }

    @Test
    void everyApiIsUnderItsOwnRootAndTheConsoleIsNotThere() {
        JsonObject paths = document().getJsonObject("paths");
        for (String path : List.of("/v2/manage/namespaces", "/v2/manage/repos", "/v3/auth/tokens",
                "/v5/{project_id}/image/swr-repository", "/v3.0/OS-CREDENTIAL/credentials")) {
            assertTrue(paths.containsKey(path), path + " is documented: " + paths.keySet());
        }
        assertTrue(paths.keySet().stream().noneMatch(p -> p.startsWith("/console")), paths.keySet().toString());
        assertTrue(paths.keySet().stream().allMatch(p -> p.startsWith("/v2/manage/") || p.startsWith("/v3/")
                || p.startsWith("/v3.0/") || p.startsWith("/v5/")), paths.keySet().toString());
    }

    @ParameterizedTest
    @CsvSource({
            "ImageAssetResponse, com.huaweicloud.sdk.hss.v5.model.PrivateImageRepositoryInfo",
            "AssociatedImageResponse, com.huaweicloud.sdk.hss.v5.model.AssociateImages",
            "VulnerabilityInfo, com.huaweicloud.sdk.hss.v5.model.ImageVulInfo",
            "NamespaceResponse, com.huaweicloud.sdk.swr.v2.model.ShowNamespace",
            "RepositoryResponse, com.huaweicloud.sdk.swr.v2.model.ShowRepositoryResponse",
            "AccessDomainResponse, com.huaweicloud.sdk.swr.v2.model.ShowAccessDomainResponse",
            "CreateNamespaceRequest, com.huaweicloud.sdk.swr.v2.model.CreateNamespaceRequestBody",
            "ShareRequest, com.huaweicloud.sdk.swr.v2.model.CreateRepoDomainsRequestBody",
            "UpdateRepositoryRequest, com.huaweicloud.sdk.swr.v2.model.UpdateRepoRequestBody"})
    void aBodyHasTheSdksNamesAndTypes(String schema, String sdkModel) throws Exception {
        JsonObject properties = document().getJsonObject("components").getJsonObject("schemas")
                .getJsonObject(schema).getJsonObject("properties");
        Map<String, Class<?>> sdk = jsonFields(Class.forName(sdkModel));

        String documented = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/hss.md"));
        for (String name : properties.keySet()) {
            if (!sdk.containsKey(name) && EXTENSIONS.getOrDefault(schema, Set.of()).contains(name)) {
                assertTrue(documented.contains("`" + name + "`"), "Wharf's extension " + name + " is in docs/hss.md");
                continue;
            }
            assertTrue(sdk.containsKey(name), schema + "." + name + " is not in " + sdkModel + ": " + sdk.keySet());
            String type = properties.getJsonObject(name).getString("type", "object");
            assertEquals(jsonTypeOf(sdk.get(name)), type, schema + "." + name + " against " + sdk.get(name));
        }
    }

    private static Map<String, Class<?>> jsonFields(Class<?> model) {
        Map<String, Class<?>> fields = new HashMap<>();
        for (Field field : model.getDeclaredFields()) {
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            if (property != null) {
                fields.put(property.value(), field.getType());
            }
        }
        return fields;
    }

    private static String jsonTypeOf(Class<?> type) {
        if (type.getSimpleName().endsWith("Enum")) {
            // The SDK's enums are classes wrapping the wire value: an Integer (auth 7/3/1) or a String.
            try {
                return jsonTypeOf(type.getDeclaredField("value").getType());
            } catch (NoSuchFieldException e) {
                return "string";
            }
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "integer";
        }
        if (type == Float.class || type == Double.class || type == java.math.BigDecimal.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
