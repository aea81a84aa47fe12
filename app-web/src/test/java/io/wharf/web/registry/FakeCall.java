package io.wharf.web.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A registry request and its answer in memory, to run handlers without a server. */
final class FakeCall implements RegistryCall {
    private final String method;
    private final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> parameters = new HashMap<>();
    private final byte[] body;
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status = 200;
    String contentType;
    long contentLength = -1;

    FakeCall(String method, byte[] body) {
        this.method = method;
        this.body = body == null ? new byte[0] : body;
    }

    FakeCall(String method) {
        this(method, null);
    }

    FakeCall with(String header, String value) {
        requestHeaders.put(header, value);
        return this;
    }

    FakeCall param(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String header(String name) {
        return requestHeaders.get(name);
    }

    @Override
    public String parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    @Override
    public void header(String name, String value) {
        headers.put(name, value);
    }

    @Override
    public boolean hasHeader(String name) {
        return headers.containsKey(name);
    }

    @Override
    public void contentType(String type) {
        contentType = type;
    }

    @Override
    public void contentLength(long length) {
        contentLength = length;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public boolean committed() {
        return false;
    }
}
