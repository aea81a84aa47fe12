package io.wharf.web.api.hss;

import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.ScanService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Wharf's own {@code /v5/{project_id}/image/scan-settings}: whether the account's pushed images are scanned on push
 * ({@code {"scan_on_push": true}}); read by the account's users, changed by its administrators. Without a choice of the
 * account's own, the operator's {@code WHARF_SCAN_ON_PUSH} applies.
 */
@Path("{project_id}/image/scan-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScanSettingsResource {
    @Inject
    ScanService scans;
    @Inject
    ImageAssetService assets;
    @Inject
    CurrentCaller caller;

    public record ScanSettings(Boolean scanOnPush) {
    }

    @GET
    public ScanSettings show(@PathParam("project_id") String projectId) {
        assets.requireOwnProject(caller.get(), projectId);
        return new ScanSettings(scans.scanOnPush(caller.get()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ScanSettings change(@PathParam("project_id") String projectId, ScanSettings body) {
        assets.requireOwnProject(caller.get(), projectId);
        if (body == null || body.scanOnPush() == null) {
            throw WharfException.invalid("scan_on_push", "scan_on_push is mandatory: true or false.");
        }
        scans.setScanOnPush(caller.get(), body.scanOnPush());
        return new ScanSettings(scans.scanOnPush(caller.get()));
    }
}
