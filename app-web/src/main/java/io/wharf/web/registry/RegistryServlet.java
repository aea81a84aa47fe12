package io.wharf.web.registry;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.web.application.RegistryService;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OCI distribution API (specification 1.1, Docker media types accepted) under {@code /v2/}, as one dispatcher
 * the way distribution's {@code registry/handlers/app.go} does it: one route table; per request the caller is
 * identified, the repository name resolved, the caller authorized for the route's access and the repository loaded
 * once, before a small handler serves its resource; errors are written here, once, in the specification's shape.
 * The management API's longer mapping {@code /v2/manage/*} wins over this one, so no organization is named
 * {@code manage}. Content streams between the client and the blob store, never held whole in memory (manifests
 * excepted: at most 4 MiB).
 */
@WebServlet(urlPatterns = "/v2/*")
public class RegistryServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(RegistryServlet.class.getName());
    private static final String NAME = "(.+?)";

    @Inject
    RegistryAuthenticator authenticator;
    @Inject
    io.wharf.web.application.WharfSettings settings;
    @Inject
    RegistryRights rights;
    @Inject
    io.wharf.web.application.MaintenanceService maintenance;
    @Inject
    RegistryService registry;
    @Inject
    BaseHandler base;
    @Inject
    CatalogHandler catalog;
    @Inject
    BlobHandler blobs;
    @Inject
    UploadHandler uploads;
    @Inject
    ManifestHandler manifests;
    @Inject
    TagsHandler tags;
    @Inject
    ReferrersHandler referrers;

    private List<Route> routes;

    /** The route table, first match wins: uploads before blobs, whose digest pattern would also match "uploads". */
    @PostConstruct
    void routes() {
        routes = List.of(
                route(Set.of("GET", "HEAD"), "/", Route.Access.NONE, base::check),
                route(Set.of("GET", "HEAD"), "/_catalog", Route.Access.NONE, catalog::list),
                route(Set.of("POST"), "/" + NAME + "/blobs/uploads/?", Route.Access.PUSH, uploads::start),
                route(Set.of("GET", "PATCH", "PUT", "DELETE"), "/" + NAME + "/blobs/uploads/([A-Za-z0-9-]+)",
                        Route.Access.PUSH, uploads::upload),
                route(Set.of("GET", "HEAD"), "/" + NAME + "/blobs/([^/]+)", Route.Access.PULL, blobs::get),
                route(Set.of("DELETE"), "/" + NAME + "/blobs/([^/]+)", Route.Access.DELETE, blobs::delete),
                route(Set.of("GET", "HEAD"), "/" + NAME + "/manifests/([^/]+)", Route.Access.PULL, manifests::get),
                route(Set.of("PUT"), "/" + NAME + "/manifests/([^/]+)", Route.Access.PUSH, manifests::put),
                route(Set.of("DELETE"), "/" + NAME + "/manifests/([^/]+)", Route.Access.DELETE, manifests::delete),
                route(Set.of("GET", "HEAD"), "/" + NAME + "/tags/list", Route.Access.PULL, tags::list),
                route(Set.of("GET", "HEAD"), "/" + NAME + "/referrers/([^/]+)", Route.Access.PULL, referrers::list));
    }

    private static Route route(Set<String> methods, String path, Route.Access access, Route.Handler handler) {
        return new Route(methods, Pattern.compile(path), access, handler);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() == null && "GET".equals(request.getMethod())) {
            // "/v2" without its slash is the management API's version document; "/v2/" is the registry.
            io.wharf.web.servlet.ApiVersions.writeV2(response, settings.externalUrl());
            return;
        }
        RegistryCall call = new ServletCall(request, response);
        call.header("Docker-Distribution-API-Version", "registry/2.0");
        try {
            dispatch(call, request.getPathInfo() == null ? "/" : request.getPathInfo());
        } catch (RegistryException e) {
            refuse(call, request, e.error(), e.getMessage(), e.field());
        } catch (WharfException e) {
            refuse(call, request, RegistryError.of(e), e.getMessage(), e.field());
        } catch (UncheckedIOException | IOException e) {
            if (response.isCommitted()) {
                LOG.log(Level.FINE, "Client went away during " + request.getMethod() + " " + request.getRequestURI(), e);
                return;
            }
            LOG.log(Level.WARNING, "Storage failed on " + request.getMethod() + " " + request.getRequestURI(), e);
            call.error(RegistryError.UNKNOWN, "The registry could not read or write the content.", null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Registry request failed: " + request.getMethod() + " " + request.getRequestURI(), e);
            call.error(RegistryError.UNKNOWN, "The registry failed to answer; the error is in its log.", null);
        }
    }

    /** Route, identify, resolve, authorize, load, handle. */
    void dispatch(RegistryCall call, String path) throws IOException {
        RegistryAuthenticator.Identified who = authenticator.identify(call.header("Authorization"));
        if (who.caller() != null) {
            call.identified(who.caller());
        }
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.methods().contains(call.method())) {
                continue;
            }
            call.endpoint(call.method() + " /v2" + route.path().pattern().replace(NAME, "{name}")
                    .replace("([A-Za-z0-9-]+)", "{uuid}").replace("([^/]+)", "{reference}").replace("/?", "/"));
            if (route.access() == Route.Access.PUSH || route.access() == Route.Access.DELETE) {
                maintenance.requireWritable();  // read-only maintenance: pushes and deletions wait, pulls go on
            }
            route.handler().handle(call, target(call, route, m, who));
            return;
        }
        if (pathKnown) {
            throw new RegistryException(RegistryError.UNSUPPORTED, "The method " + call.method() + " is not allowed here.");
        }
        throw new RegistryException(RegistryError.NAME_UNKNOWN, "No registry endpoint answers this path.");
    }

    private Target target(RegistryCall call, Route route, Matcher m, RegistryAuthenticator.Identified who) {
        if (route.access() == Route.Access.NONE) {
            return new Target(who, null, null, null);
        }
        RegistryPath path = RegistryPath.parse(m.group(1));
        String reference = m.groupCount() > 1 ? m.group(2) : null;
        String action = switch (route.access()) {
            case PULL -> RegistryService.PULL;
            case PUSH -> RegistryService.PUSH;
            default -> RegistryService.DELETE;
        };
        rights.permit(call, who, path, action, route.access() == Route.Access.PUSH ? UploadHandler.mountSource(call) : null);
        ImageRepository repository = route.access() == Route.Access.PUSH ? null : registry.repository(path)
                .orElseThrow(() -> new RegistryException(RegistryError.NAME_UNKNOWN,
                        "The repository " + path + " does not exist."));
        return new Target(who, path, repository, reference);
    }

    private void refuse(RegistryCall call, HttpServletRequest request, RegistryError error, String message, String field)
            throws IOException {
        if (error == RegistryError.UNAUTHORIZED && !call.hasHeader("WWW-Authenticate")) {
            rights.challenge(call, null);
        }
        drain(request);
        call.error(error, message, field);
    }

    /**
     * Reads what is left of a refused request's body (a chunk sent anyway), so that the client sees the answer instead
     * of a connection stuck mid-upload; past 64 MiB the connection is closed instead.
     */
    private static void drain(HttpServletRequest request) {
        if (request.getContentLengthLong() == 0 || request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = 64L * 1024 * 1024;
            for (int n; left > 0 && (n = in.read(buffer)) >= 0; ) {
                left -= n;
            }
        } catch (IOException | IllegalStateException unreadable) {
            // Nothing more to do: the answer goes out and the container closes the connection.
        }
    }

    /** The error body outside a dispatch (the filter that refuses malformed paths). */
    public static void writeError(HttpServletResponse response, RegistryError error, String message) throws IOException {
        new ServletCall(null, response).error(error, message, null);
    }

    /** A {@link RegistryCall} over the servlet request and response. */
    private record ServletCall(HttpServletRequest request, HttpServletResponse response) implements RegistryCall {
        @Override
        public void identified(io.wharf.domain.account.Caller caller) {
            io.wharf.web.servlet.AuditFilter.identify(request, caller, null);
        }

        @Override
        public void endpoint(String name) {
            io.wharf.web.servlet.RequestMetrics.endpoint(request, name);
        }

        @Override
        public String sourceIp() {
            return request.getRemoteAddr();
        }

        @Override
        public String requestId() {
            return io.wharf.web.servlet.RequestIdFilter.idOf(request);
        }

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String header(String name) {
            return request.getHeader(name);
        }

        @Override
        public String parameter(String name) {
            return request.getParameter(name);
        }

        @Override
        public InputStream body() throws IOException {
            return request.getInputStream();
        }

        @Override
        public void status(int status) {
            response.setStatus(status);
        }

        @Override
        public void header(String name, String value) {
            response.setHeader(name, value);
        }

        @Override
        public boolean hasHeader(String name) {
            return response.containsHeader(name);
        }

        @Override
        public void contentType(String type) {
            response.setContentType(type);
            if (type.startsWith("application/json")) {
                response.setCharacterEncoding("UTF-8");
            }
        }

        @Override
        public void contentLength(long length) {
            response.setContentLengthLong(length);
        }

        @Override
        public OutputStream output() throws IOException {
            return response.getOutputStream();
        }

        @Override
        public boolean committed() {
            return response.isCommitted();
        }
    }
}
