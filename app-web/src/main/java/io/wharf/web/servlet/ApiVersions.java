package io.wharf.web.servlet;

import io.wharf.domain.startup.Release;
import io.wharf.web.Jsonp;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The API version documents ({@code ListApiVersions} at {@code GET /}, {@code ShowApiVersion} at {@code GET /v2}): Wharf
 * serves one version, v2 (microversions 2.0 to 2.26 as the public service reports them). {@code GET /} answers them to
 * API clients and sends browsers (which accept HTML) to the console; {@code GET /v2} without the trailing slash is the
 * version document, while {@code GET /v2/} stays the registry's base endpoint that docker and podman call.
 */
public final class ApiVersions {
    private static final String UPDATED = "2026-11-30T00:00:00Z";

    private ApiVersions() {
    }

    /** Whether a request to the root is an API client's rather than a browser's. */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && (accept == null || !accept.contains("text/html"));
    }

    public static void writeAll(HttpServletResponse response, String externalUrl) throws IOException {
        write(response, Jsonp.PROVIDER.createObjectBuilder().add("versions",
                Jsonp.PROVIDER.createArrayBuilder().add(v2(externalUrl))).build());
    }

    public static void writeV2(HttpServletResponse response, String externalUrl) throws IOException {
        write(response, Jsonp.PROVIDER.createObjectBuilder().add("version", v2(externalUrl)).build());
    }

    private static JsonObject v2(String externalUrl) {
        return Jsonp.PROVIDER.createObjectBuilder().add("id", "v2")
                .add("links", Jsonp.PROVIDER.createObjectBuilder().add("href", externalUrl + "/v2/").add("rel", "self"))
                .add("min_version", "2.0").add("status", "CURRENT").add("updated", UPDATED).add("version", "2.26")
                // Beside SWR's fields: the Wharf release answering, for operators checking before an upgrade.
                .add("wharf_release", Release.version()).build();
    }

    private static void write(HttpServletResponse response, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
