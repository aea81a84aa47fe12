package io.wharf.web.console;

import io.wharf.web.application.IdentityService;
import io.wharf.web.application.LoginKey;
import io.wharf.web.application.NamespaceService;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.WharfSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/how-to-push}: the login, tag and push commands for docker, podman and skopeo with this server's
 * address, an organization picked from the caller's and a repository name. Passwords never appear on a command line
 * ({@code --password-stdin}); over plain HTTP the commands carry the flags each client needs. A button makes a
 * temporary login (6 hours), shown once on the page the POST redirects to.
 */
@ApplicationScoped
@Path("how-to-push")
public class HowToPushPages extends ConsoleResource {
    static final String TEMPORARY = "wharf.temporaryLogin";

    @Inject
    IdentityService identity;
    @Inject
    WharfSettings settings;
    @Inject
    NamespaceService namespaces;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        String namespace = console.param("namespace");
        String repository = console.param("repository").isEmpty() ? "myapp" : console.param("repository");
        String page = "/console/how-to-push?namespace=" + encode(namespace) + "&repository=" + encode(repository);
        if (console.isPost()) {
            console.session(true).setAttribute(TEMPORARY, identity.temporaryLogin(console.caller()));
            console.flash(console.text("push.temporaryMade"));
            console.redirect(page);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("registry", settings.registryAddress());
        model.put("plainHttp", !settings.clientsUseHttps());
        model.put("login", console.caller().accountName() + "/" + console.caller().userName());
        model.put("namespaces", namespaces.list(console.caller(), null, new PageRequest(0, PageRequest.MAX_LIMIT)).items()
                .stream().map(n -> n.namespace().name().value()).toList());
        model.put("namespace", namespace);
        model.put("repository", repository);
        model.put("image", (namespace.isEmpty() ? "<organization>" : namespace) + "/" + repository);
        Object temporary = console.session(false) == null ? null : console.session(false).getAttribute(TEMPORARY);
        if (temporary instanceof LoginKey key) {
            model.put("temporary", key);
            console.session(false).removeAttribute(TEMPORARY);
        }
        console.render("how-to-push", model);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
