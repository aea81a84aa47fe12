package io.wharf.web.servlet;

import io.wharf.web.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The name of what a JSON API create makes, which is in its body rather than its path ({@code POST .../namespaces}
 * with {@code {"namespace": "team"}}): the body (at most 64 KiB, JSON) is kept while the API reads it, and only a name
 * field is taken from it for the trace, never anything else (a body may hold a password).
 */
final class CreatedName extends HttpServletRequestWrapper {
    private static final int MAX = 64 * 1024;
    private static final List<String> NAME_FIELDS = List.of("namespace", "repository", "name", "destination_tag");

    private final byte[] body;
    /** Whether {@link #body} is the whole body (a longer one is passed on whole but not read for a name). */
    private final boolean whole;

    private CreatedName(HttpServletRequest request, byte[] body, boolean whole) {
        super(request);
        this.body = body;
        this.whole = whole;
    }

    /** Keeps the first 64 KiB of a JSON create's body (sent with or without a length) to read its name afterwards. */
    static HttpServletRequest wrapIfCreate(HttpServletRequest request, String path) throws IOException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || !path.startsWith("/v2/manage/") || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return request;
        }
        byte[] prefix = request.getInputStream().readNBytes(MAX + 1);
        return new CreatedName(request, prefix, prefix.length <= MAX);
    }

    /** The call with the created thing's name added to its resource name, when the body had one. */
    static AuditedCall complete(AuditedCall call, HttpServletRequest seen) {
        if (!(seen instanceof CreatedName created) || !created.whole) {
            return call;
        }
        try (var reader = Jsonp.PROVIDER.createReader(new InputStreamReader(new ByteArrayInputStream(created.body),
                StandardCharsets.UTF_8))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject json) {
                for (String field : NAME_FIELDS) {
                    if (json.get(field) instanceof JsonString name) {
                        String prefix = call.resourceName().isEmpty() ? "" : call.resourceName() + "/";
                        return new AuditedCall(call.serviceType(), call.traceName(), call.resourceType(),
                                prefix + name.getString());
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // The API refused it; the trace keeps the path's name.
        }
        return call;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        java.io.InputStream in = whole ? new ByteArrayInputStream(body)
                : new java.io.SequenceInputStream(new ByteArrayInputStream(body), super.getInputStream());
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = in.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                finished = n < 0;
                return n;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body is already read");
            }
        };
    }
}
