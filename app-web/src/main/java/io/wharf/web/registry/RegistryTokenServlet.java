package io.wharf.web.registry;

import io.wharf.web.Jsonp;
import io.wharf.domain.account.Caller;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.web.application.RegistryService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The registry's token endpoint ({@code realm} of the challenge), as Docker's token specification describes it:
 * {@code GET /v2/token?service=wharf&scope=repository:<name>:pull,push} with optional Basic credentials. The token
 * grants the requested actions the caller holds — possibly none; an anonymous caller may only pull public repositories.
 * Wrong credentials are 401.
 */
@WebServlet(urlPatterns = "/v2/token")
public class RegistryTokenServlet extends HttpServlet {
    @Inject
    RegistryAuthenticator authenticator;
    @Inject
    RegistryService registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller;
        try {
            String authorization = request.getHeader("Authorization");
            caller = authorization == null ? null : authenticator.basic(authorization);
        } catch (RegistryException e) {
            RegistryServlet.writeError(response, e.error(), e.getMessage());
            return;
        }
        Map<String, Set<String>> granted = new LinkedHashMap<>();
        String[] scopes = request.getParameterValues("scope");
        for (String scope : scopes == null ? new String[0] : scopes) {
            for (String one : scope.split(" ")) {
                grant(caller, one, granted);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = authenticator.issue(caller, granted, now);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Jsonp.PROVIDER.createObjectBuilder().add("token", token).add("access_token", token)
                .add("expires_in", RegistryAuthenticator.TOKEN_LIFETIME.toSeconds())
                .add("issued_at", now.toString()).build().toString());
    }

    /** {@code repository:<name>:<actions>} grants what the caller holds; {@code registry:catalog:*} any signed-in caller. */
    private void grant(Caller caller, String scope, Map<String, Set<String>> granted) {
        String[] parts = scope.split(":");
        if (parts.length == 3 && parts[0].equals("registry") && parts[1].equals("catalog") && caller != null) {
            granted.put("registry:catalog", Set.of("*"));
            return;
        }
        if (parts.length != 3 || !parts[0].startsWith("repository")) {
            return;
        }
        RegistryPath path;
        try {
            path = RegistryPath.parse(parts[1]);
        } catch (RuntimeException invalidName) {
            return;
        }
        Set<String> requested = new LinkedHashSet<>(Arrays.asList(parts[2].split(",")));
        if (requested.contains("*")) {
            requested.addAll(Set.of(RegistryService.PULL, RegistryService.PUSH, RegistryService.DELETE));
        }
        requested.retainAll(registry.allowedActions(caller, path));
        granted.computeIfAbsent(path.toString(), k -> new LinkedHashSet<>()).addAll(requested);
    }
}
