package io.wharf.web.api.hss;

import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.ScanCriteria;
import io.wharf.domain.asset.ImageType;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import static io.wharf.web.api.hss.HssParameters.invalid;
import static io.wharf.web.api.hss.HssParameters.number;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v5/{project_id}/image/swr-repository} (page 003): the images of Wharf's registry the caller owns or was
 * shared, with every documented filter; and the older {@code POST /v5/{project_id}/image/synchronize}, which has
 * nothing to do here because the list reads the registry's own tables. The scan fields and filters come from Wharf's
 * own scans (docs/scanning.md).
 */
@Path("{project_id}/image")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImageAssetsResource {
    static final int MAX_LIMIT = 200;
    private static final String EPOCH_MS = "a time in epoch milliseconds";
    private static final Set<String> SCAN_STATUSES = Set.of("unscan", "success", "scanning", "failed",
            "download_failed", "image_oversized", "waiting_for_scan");

    @Inject
    ImageAssetService assets;
    @Inject
    CurrentCaller caller;

    /** {@code {total_num, data_list}}. */
    public record AssetList(long totalNum, List<ImageAssetResponse> dataList) {
    }

    /** The older synchronize call's answer. */
    public record Synchronized(int errorCode, String errorDescription) {
    }

    @GET
    @Path("swr-repository")
    public AssetList list(@PathParam("project_id") String projectId,
                          @QueryParam("image_type") String imageType,
                          @QueryParam("namespace") String namespace, @QueryParam("image_name") String imageName,
                          @QueryParam("image_version") String imageVersion,
                          @QueryParam("latest_version") String latestVersion,
                          @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                          @QueryParam("scan_status") String scanStatus, @QueryParam("image_size") String imageSize,
                          @QueryParam("start_latest_update_time") String updatedFrom,
                          @QueryParam("end_latest_update_time") String updatedTo,
                          @QueryParam("start_latest_scan_time") String scannedFrom,
                          @QueryParam("end_latest_scan_time") String scannedTo,
                          @QueryParam("has_malicious_file") String hasMaliciousFile,
                          @QueryParam("has_unsafe_setting") String hasUnsafeSetting,
                          @QueryParam("has_vul") String hasVul,
                          @QueryParam("instance_name") String instanceName,
                          @QueryParam("instance_id") String instanceId,
                          @QueryParam("enterprise_project_id") String enterpriseProjectId) {
        assets.requireOwnProject(caller.get(), projectId);
        ImageType type = ImageType.ofApiName(imageType).orElseThrow(() -> invalid("image_type",
                "image_type is mandatory: private_image, shared_image, harbor, jfrog or other."));
        if (scanStatus != null && !SCAN_STATUSES.contains(scanStatus)) {
            throw invalid("scan_status", "scan_status must be one of " + SCAN_STATUSES + ".");
        }
        ScanCriteria scan = new ScanCriteria(blankToNull(scanStatus), bool("has_vul", hasVul),
                bool("has_malicious_file", hasMaliciousFile), bool("has_unsafe_setting", hasUnsafeSetting),
                instant(nonNegative("start_latest_scan_time", scannedFrom, EPOCH_MS)),
                instant(nonNegative("end_latest_scan_time", scannedTo, EPOCH_MS)));
        // Synced images are listed, not scanned (Wharf holds no content of theirs); there are no enterprise instances.
        boolean nothing = (type.synced() && scan.any() && !"unscan".equals(scan.status()))
                || (instanceName != null && !instanceName.isEmpty()) || (instanceId != null && !instanceId.isEmpty());
        int first = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, 10, 1, MAX_LIMIT);
        Long minimumSize = nonNegative("image_size", imageSize, "a size in bytes");
        if (nothing) {
            return new AssetList(0, List.of());
        }
        Page<ImageAssetService.AssetView> page = assets.list(caller.get(), new AssetQuery(null, null, type,
                blankToNull(namespace), blankToNull(imageName), blankToNull(imageVersion),
                Boolean.TRUE.equals(bool("latest_version", latestVersion)), minimumSize,
                instant(nonNegative("start_latest_update_time", updatedFrom, EPOCH_MS)),
                instant(nonNegative("end_latest_update_time", updatedTo, EPOCH_MS)), null, first, size, scan));
        return new AssetList(page.total(), page.items().stream().map(ImageAssetResponse::of).toList());
    }

    @POST
    @Path("synchronize")
    public Synchronized synchronize(@PathParam("project_id") String projectId) {
        assets.requireOwnProject(caller.get(), projectId);
        return new Synchronized(0, "success");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(name, name + " must be true or false.");
        }
        return Boolean.valueOf(value);
    }

    private static Long nonNegative(String name, String value, String what) {
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(name, name + " must be " + what + ".");
        }
    }
}
