package io.wharf.web.api;

import io.wharf.domain.error.WharfException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses JSON bodies over 1 MiB with 413 before anything parses them, whether the client announced the length or
 * sent the body chunked (as the official SDK does). A vulnerability feed uploaded as {@code application/zip} (an
 * administrator's import, which may be hundreds of megabytes) is streamed to its use case instead.
 */
@Provider
@PreMatching
@Priority(100)
public class BodyLimitFilter implements ContainerRequestFilter {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final jakarta.ws.rs.core.MediaType ZIP = new jakarta.ws.rs.core.MediaType("application", "zip");

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getMediaType() != null && request.getMediaType().isCompatible(ZIP)) {
            return;
        }
        if (request.getLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (!request.hasEntity()) {
            return;
        }
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static WharfException tooLarge() {
        return WharfException.tooLong("body", "The request body is larger than 1 MiB.");
    }
}
