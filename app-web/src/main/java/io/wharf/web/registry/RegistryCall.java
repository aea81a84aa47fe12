package io.wharf.web.registry;

import io.wharf.web.Jsonp;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One registry request and its answer, as the handlers see them: no servlet type, so that a handler runs the same
 * under Liberty ({@code ServletCall}) and in a unit test (an in-memory call).
 */
interface RegistryCall {
    /** How long a client should wait before retrying a request refused because the database does not answer. */
    String RETRY_AFTER_SECONDS = "5";

    String method();

    /** Told which route serves the call (the request metrics count by it). */
    default void endpoint(String name) {
    }

    /** Told who makes the call once the registry knows (the audit trail records it). */
    default void identified(io.wharf.domain.account.Caller caller) {
    }

    /** Where the call comes from and its request id, for the audit trail; empty when not known. */
    default String sourceIp() {
        return "";
    }

    default String requestId() {
        return "";
    }

    /** A request header, or null. */
    String header(String name);

    /** A query parameter, or null. */
    String parameter(String name);

    InputStream body() throws IOException;

    void status(int status);

    void header(String name, String value);

    boolean hasHeader(String name);

    void contentType(String type);

    void contentLength(long length);

    OutputStream output() throws IOException;

    boolean committed();

    default void json(int status, String body) throws IOException {
        status(status);
        contentType("application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        contentLength(bytes.length);
        output().write(bytes);
    }

    /** The specification's error body; {@code detail.field} names what broke the rule, when known. */
    default void error(RegistryError error, String message, String field) throws IOException {
        if (committed()) {
            return;
        }
        if (error == RegistryError.UNAVAILABLE) {
            header("Retry-After", RETRY_AFTER_SECONDS);
        }
        JsonObjectBuilder detail = Jsonp.PROVIDER.createObjectBuilder();
        if (field != null) {
            detail.add("field", field);
        }
        json(error.httpStatus(), Jsonp.PROVIDER.createObjectBuilder().add("errors", Jsonp.PROVIDER.createArrayBuilder()
                .add(Jsonp.PROVIDER.createObjectBuilder().add("code", error.code()).add("message", message)
                        .add("detail", detail))).build().toString());
    }

    default void copy(InputStream in) throws IOException {
        OutputStream out = output();
        byte[] buffer = new byte[256 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }

    /** The {@code Link} header to a list's next page. */
    default void next(String base, int n, String last) {
        header("Link", "<" + base + "?n=" + n + "&last=" + URLEncoder.encode(last, StandardCharsets.UTF_8)
                + ">; rel=\"next\"");
    }
}
