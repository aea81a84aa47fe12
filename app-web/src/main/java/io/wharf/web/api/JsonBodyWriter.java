package io.wharf.web.api;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the API's JSON bodies (Wharf's DTOs, and lists and maps of them): by {@link RecordJson} when it can, else
 * straight onto the response with {@link JsonSettings#JSONB} (the JAX-RS runtime's own JSON-B writer built each body
 * as a string in a synchronized {@code StringBuffer} first). Strings and streams a resource returns are left to the
 * runtime's writers.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyWriter implements MessageBodyWriter<Object> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type.getName().startsWith("io.wharf.");
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        try {
            body.write(RecordJson.write(entity));
            return;
        } catch (RecordJson.Unsupported e) {
            // A shape only JSON-B writes: written by it below.
        }
        // JSON-B closes the stream it wrote to; the response's stream belongs to the runtime, which also gives a body
        // that fits its buffer a Content-Length (so neither flush nor close reaches it).
        JsonSettings.JSONB.toJson(entity, genericType, new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                body.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                body.write(bytes, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }
}
