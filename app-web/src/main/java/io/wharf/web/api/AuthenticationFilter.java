package io.wharf.web.api;

import io.wharf.web.servlet.AuditFilter;
import jakarta.servlet.http.HttpServletRequest;

import io.wharf.domain.account.Caller;
import io.wharf.domain.credential.SignedRequest;
import io.wharf.domain.error.WharfException;
import io.wharf.web.application.IdentityService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every endpoint not marked {@link Public} requires a valid {@code X-Auth-Token} or an AK/SK signature
 * ({@code SDK-HMAC-SHA256}); missing, unknown, expired or mismatched is 401. An {@code X-Project-Id} must be the
 * caller's own project.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    public static final String TOKEN_HEADER = "X-Auth-Token";
    private static final String SIGNATURE_PREFIX = "SDK-HMAC-SHA256 ";
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servletRequest;
    @Inject
    IdentityService identity;
    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Public.class)) {
            return;
        }
        String authorization = request.getHeaderString("Authorization");
        Caller authenticated = authorization != null && authorization.startsWith(SIGNATURE_PREFIX)
                ? signed(request, authorization.substring(SIGNATURE_PREFIX.length()))
                : identity.authenticate(request.getHeaderString(TOKEN_HEADER));
        String project = request.getHeaderString("X-Project-Id");
        if (project != null && !project.isBlank() && !project.equals(authenticated.projectId())) {
            throw WharfException.unauthenticated("X-Project-Id is not the caller's project.");
        }
        caller.set(authenticated);
        AuditFilter.identify(servletRequest, authenticated, authorization != null && authorization.startsWith(SIGNATURE_PREFIX)
                ? accessKeyOf(authorization) : null);
    }

    private static String accessKeyOf(String authorization) {
        java.util.regex.Matcher access = java.util.regex.Pattern.compile("Access=([^,\\s]+)").matcher(authorization);
        return access.find() ? access.group(1) : null;
    }

    /** {@code Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=a;b, Signature=<hex>}, as the SDK signs. */
    private Caller signed(ContainerRequestContext request, String parameters) throws IOException {
        Map<String, String> parts = new HashMap<>();
        for (String part : parameters.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
            }
        }
        if (!parts.keySet().containsAll(List.of("Access", "SignedHeaders", "Signature"))) {
            throw WharfException.unauthenticated("The Authorization header is not a complete signature.");
        }
        List<String> signedHeaders = List.of(parts.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        Map<String, String> headers = new HashMap<>();
        for (String name : signedHeaders) {
            String value = request.getHeaderString(name);
            if (value == null && name.equals("host")) {
                // Over HTTP/2 the host travels as the :authority pseudo-header, not as a Host header.
                value = request.getUriInfo().getRequestUri().getRawAuthority();
            }
            headers.put(name, String.valueOf(value));
        }
        String payload = payloadHash(request, request.getHeaderString("X-Sdk-Content-Sha256"));
        SignedRequest signed = new SignedRequest(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getQueryParameters(true), headers, payload);
        return identity.authenticateSigned(parts.get("Access"), signedHeaders, parts.get("Signature"), signed,
                request.getHeaderString("X-Sdk-Date"));
    }

    /**
     * The hash the signature must cover: always the real body's. A client-sent {@code X-Sdk-Content-Sha256} is only a
     * claim — one that differs from the body would let a captured signature be replayed with another body — and
     * {@code UNSIGNED-PAYLOAD}, which the SDK may send, is accepted only when there is no body to leave unsigned.
     */
    private static String payloadHash(ContainerRequestContext request, String claimed) throws IOException {
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String actual = HexFormat.of().formatHex(sha256(body));
        if (claimed == null || claimed.equalsIgnoreCase(actual)) {
            return claimed == null ? actual : claimed;
        }
        if (claimed.equals(UNSIGNED_PAYLOAD) && body.length == 0) {
            return claimed;
        }
        throw WharfException.unauthenticated(claimed.equals(UNSIGNED_PAYLOAD)
                ? "X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD is refused on a request with a body; sign the body."
                : "X-Sdk-Content-Sha256 is not the SHA-256 of the request body.");
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
