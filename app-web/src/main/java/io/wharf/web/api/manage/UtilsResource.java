package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.BackupService;
import io.wharf.web.application.GarbageCollector;
import io.wharf.web.application.IdentityService;
import io.wharf.web.application.LoginKey;
import io.wharf.web.application.WharfSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * {@code POST /v2/manage/utils/secret}: a temporary docker login, as the reference describes it (the login command in
 * {@code X-Swr-Dockerlogin}, the {@code auths} map in the body). Wharf's own, for its administrators:
 * {@code POST /v2/manage/utils/garbage-collection} collects unreferenced blobs now; {@code POST .../utils/backups} starts
 * a backup while Wharf serves (202; docs/operations.md) and {@code GET .../utils/backups} lists them with their progress.
 */
@Path("utils")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UtilsResource {
    @Inject
    IdentityService identity;
    @Inject
    GarbageCollector collector;
    @Inject
    CurrentCaller caller;
    @Inject
    WharfSettings settings;
    @Inject
    BackupService backups;
    @Inject
    io.wharf.web.application.MaintenanceService maintenance;

    /** {@code PUT utils/maintenance}: {@code {"read_only": true, "reason": "..."}}. */
    public record MaintenanceRequest(Boolean readOnly, String reason) {
    }

    /** The maintenance switch as every server follows it. */
    public record MaintenanceState(boolean readOnly, String reason, String setBy, String setAt) {
        static MaintenanceState of(io.wharf.domain.maintenance.MaintenanceMode mode) {
            return new MaintenanceState(mode.readOnly(), mode.reason(), mode.setBy(), mode.setAt().toString());
        }
    }

    /** The settings in force. */
    public record SettingsList(java.util.List<io.wharf.domain.config.Configuration.Effective> settings) {
    }

    /**
     * Every setting as this server runs with it — its value (secrets masked) or default, and where it came from — for
     * Wharf's administrators.
     */
    @GET
    @Path("settings")
    public SettingsList settings() {
        if (!caller.get().systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators see the server's settings.");
        }
        return new SettingsList(io.wharf.domain.config.Configuration.effective());
    }

    /** Whether Wharf is read-only for maintenance, and why: anyone signed in may ask (their writes are refused). */
    @GET
    @Path("maintenance")
    public MaintenanceState maintenance() {
        caller.get();
        return MaintenanceState.of(maintenance.current());
    }

    /** Wharf's administrators turn read-only maintenance mode on or off. */
    @PUT
    @Path("maintenance")
    @Consumes(MediaType.APPLICATION_JSON)
    public MaintenanceState setMaintenance(MaintenanceRequest body) {
        if (body == null || body.readOnly() == null) {
            throw WharfException.invalid("read_only", "The body needs read_only (true or false).");
        }
        return MaintenanceState.of(maintenance.set(caller.get(), body.readOnly(), body.reason()));
    }

    /** The backups, newest first. */
    public record BackupList(long total, java.util.List<BackupService.Backup> backups) {
    }

    /** The body of {@code utils/secret}. */
    public record Secret(Map<String, AuthInfo> auths) {
    }

    /** Base64 of {@code user:password}, as docker's config.json keeps it. */
    public record AuthInfo(String auth) {
    }

    @POST
    @Path("secret")
    public Response secret(@QueryParam("projectname") String projectName) {
        if (projectName != null && !projectName.isBlank() && !projectName.equals(settings.region())) {
            throw WharfException.invalid("projectname",
                    "projectname must be this registry's region, " + settings.region() + ".");
        }
        return temporaryLogin().build();
    }

    /**
     * {@code CreateAuthorizationToken}: the same temporary docker login as {@code utils/secret}, with its end in
     * {@code x-swr-expireat} (ISO-8601, UTC).
     */
    @POST
    @Path("authorizationtoken")
    public Response authorizationToken() {
        return temporaryLogin().build();
    }

    private Response.ResponseBuilder temporaryLogin() {
        LoginKey login = identity.temporaryLogin(caller.get());
        String registry = settings.registryAddress();
        String auth = Base64.getEncoder().encodeToString((login.username() + ":" + login.password())
                .getBytes(StandardCharsets.UTF_8));
        return Response.ok(new Secret(Map.of(registry, new AuthInfo(auth))))
                .header("X-Swr-Dockerlogin", "docker login -u " + login.username() + " -p " + login.password()
                        + " " + registry)
                // Spelt as the SDK reads it (it looks response headers up by their exact name).
                .header("x-swr-expireat", login.expiresAt().toString());
    }

    /** Ten years: a longer grace keeps everything, and the instant it names would overflow. */
    private static final long MAX_GRACE_SECONDS = 10L * 365 * 24 * 3600;

    /**
     * Collects now; {@code grace_seconds} (default 3600) keeps blobs younger than that. {@code dry_run=true} says what
     * it would free (links, blobs, bytes) and frees nothing.
     */
    @POST
    @Path("garbage-collection")
    public GarbageCollector.Collected collectGarbage(@QueryParam("grace_seconds") String graceSeconds,
                                                     @QueryParam("dry_run") String dryRun) {
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw WharfException.invalid("dry_run", "dry_run must be true or false.");
        }
        long seconds;
        try {
            seconds = graceSeconds == null ? GarbageCollector.DEFAULT_GRACE.toSeconds() : Long.parseLong(graceSeconds);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > MAX_GRACE_SECONDS) {
            throw WharfException.invalid("grace_seconds", "grace_seconds must be a whole number of seconds from 0 to "
                    + MAX_GRACE_SECONDS + " (ten years).");
        }
        return "true".equals(dryRun) ? collector.dryRun(caller.get(), Duration.ofSeconds(seconds))
                : collector.collect(caller.get(), Duration.ofSeconds(seconds));
    }

    @POST
    @Path("backups")
    public Response backup(@QueryParam("include_secret_key") String includeKey) throws java.io.IOException {
        if (includeKey != null && !includeKey.equals("true") && !includeKey.equals("false")) {
            throw WharfException.invalid("include_secret_key", "include_secret_key must be true or false.");
        }
        return Response.status(202).entity(backups.start(caller.get(), "true".equals(includeKey))).build();
    }

    @GET
    @Path("backups")
    public BackupList backups(@QueryParam("offset") String offset, @QueryParam("limit") String limit) throws java.io.IOException {
        io.wharf.web.application.Page<BackupService.Backup> page = backups.list(caller.get(),
                new io.wharf.web.application.PageRequest(whole("offset", offset, 0), whole("limit", limit, 20)));
        return new BackupList(page.total(), page.items());
    }

    private static int whole(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw WharfException.invalid(name, name + " must be a whole number.");
        }
    }
}
