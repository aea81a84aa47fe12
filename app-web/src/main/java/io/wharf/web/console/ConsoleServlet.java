package io.wharf.web.console;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.web.application.IdentityService;
import io.wharf.web.servlet.RequestIdFilter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's front door: checks the session and the CSRF token, then routes {@code /console/<section>/...} to the
 * page controller of that section. The context root redirects here.
 */
@WebServlet(urlPatterns = {"", "/console/*"})
public class ConsoleServlet extends HttpServlet {
    static final String USER_ID = "wharf.userId";
    private static final Logger LOG = Logger.getLogger(ConsoleServlet.class.getName());

    @Inject
    IdentityService identity;
    @Inject
    io.wharf.web.application.WharfSettings settings;
    @Inject
    SignInPages signIn;
    @Inject
    NamespacePages namespaces;
    @Inject
    AccountPages accounts;
    @Inject
    RepositoryPages repositories;
    @Inject
    SharePages shares;
    @Inject
    AccessKeyPages accessKeys;
    @Inject
    HowToPushPages howToPush;
    @Inject
    ImageAssetPages imageAssets;
    @Inject
    StoragePages storage;
    @Inject
    QuotaPages quotaPages;
    @Inject
    AuditPages auditPages;
    @Inject
    ReplicationPages replicationPages;
    @Inject
    FeedPages feedPages;
    @Inject
    RegistryPages registryPages;
    @Inject
    SyncTaskPages syncTasks;
    @Inject
    OverviewPages overview;
    @Inject
    SearchPages search;
    @Inject
    PreferencePages preferences;

    private TemplateEngine engine;
    private JakartaServletWebApplication application;

    @Override
    public void init() {
        application = JakartaServletWebApplication.buildApplication(getServletContext());
        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
        resolver.setPrefix("/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new ConsoleMessages());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        securityHeaders(response);
        if (request.getServletPath().isEmpty()) {
            if (io.wharf.web.servlet.ApiVersions.wantsJson(request)) {
                io.wharf.web.servlet.ApiVersions.writeAll(response, settings.externalUrl());
            } else {
                ConsoleRequest.redirect(response, request.getContextPath() + "/console/");
            }
            return;
        }
        request.setCharacterEncoding("UTF-8");
        HttpSession session = request.getSession(false);
        Caller signedIn = callerOf(session);
        io.wharf.web.servlet.AuditFilter.identify(request, signedIn, null);
        ConsoleRequest console = new ConsoleRequest(request, response, engine, application, signedIn);
        if (signedIn != null) {
            // The switcher's choice follows the user to other browsers.
            ConsoleLocale.supported(request.getParameter("lang"))
                    .ifPresent(chosen -> identity.chooseConsoleLanguage(signedIn, console.reader().tag()));
        }
        try {
            if ("POST".equals(request.getMethod()) && !CsrfToken.matches(session, request.getParameter(CsrfToken.FIELD))) {
                console.render(403, "error", Map.of("message",
                        console.text("error.csrf")));
                return;
            }
            if (console.isPost() && console.caller() != null && "delete".equals(console.param("action"))
                    && !"yes".equals(console.param("confirmed"))) {
                confirmRemoval(console, request);
                return;
            }
            route(console);
        } catch (WharfException e) {
            console.render(ConsoleRequest.statusOf(e), "error", Map.of("message", console.refusal(e)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Console request " + RequestIdFilter.idOf(request) + " failed", e);
            console.render(500, "error", Map.of("message",
                    console.text("error.unexpected", RequestIdFilter.idOf(request))));
        }
    }

    private void route(ConsoleRequest console) throws IOException {
        String section = console.path().length == 0 ? "" : console.path()[0];
        if (section.equals("login") || section.equals("logout")) {
            signIn.handle(console, section);
            return;
        }
        if (console.caller() == null) {
            console.redirect(console.isPost() ? "/console/login" : SignInPages.loginReturningTo(console.requested()));
            return;
        }
        switch (section) {
            case "" -> overview.handle(console);
            case "search" -> search.handle(console);
            case "preferences" -> preferences.handle(console);
            case "namespaces" -> {
                if (console.path().length >= 2 && !(console.path().length == 3 && console.path()[2].equals("delete"))) {
                    repositories.handle(console);
                } else {
                    namespaces.handle(console);
                }
            }
            case "accounts", "users" -> accounts.handle(console, section);
            case "shared" -> shares.list(console);
            case "access-keys" -> accessKeys.handle(console);
            case "how-to-push" -> howToPush.handle(console);
            case "image-assets" -> imageAssets.handle(console);
            case "storage" -> storage.handle(console);
            case "quotas" -> quotaPages.handle(console);
            case "audit" -> auditPages.handle(console);
            case "regions" -> replicationPages.regions(console);
            case "feeds" -> feedPages.handle(console);
            case "registries" -> registryPages.handle(console);
            case "sync-tasks" -> syncTasks.handle(console);
            default -> throw WharfException.notFound(Subject.PAGE, console.text("error.noPage"));
        }
    }

    /**
     * The one confirmation of a removal posted from a list (a trigger, a policy, a region...): the same form again on
     * a page that says what goes, with {@code confirmed=yes}; the removal itself runs on that second POST.
     */
    private static void confirmRemoval(ConsoleRequest console, HttpServletRequest request) throws IOException {
        Map<String, java.util.List<String>> fields = new java.util.LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(CsrfToken.FIELD)) {
                fields.put(name, java.util.List.of(values));
            }
        });
        fields.put("confirmed", java.util.List.of("yes"));
        String page = console.requested();
        String named = fields.entrySet().stream().filter(f -> !f.getKey().equals("action") && !f.getKey().equals("confirmed"))
                .findFirst().map(f -> f.getValue().get(0)).orElse("");
        console.render("confirm", Map.of("title", console.text("confirm.title", named),
                "message", console.text("confirm.message"), "action", page, "button", console.text("remove"),
                "cancel", page, "hidden", fields));
    }

    private Caller callerOf(HttpSession session) {
        Object userId = session == null ? null : session.getAttribute(USER_ID);
        if (userId == null) {
            return null;
        }
        try {
            return identity.callerOfUser(userId.toString());
        } catch (WharfException gone) {
            session.invalidate();
            return null;
        }
    }

    private static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }
}
