package io.wharf.web.api.hss;

import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.ImageType;
import io.wharf.domain.asset.ScanCriteria;
import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.ScanResultService;
import io.wharf.web.application.ScanService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.wharf.web.api.hss.ImageAssetsResource.instant;

/**
 * {@code POST /v5/{project_id}/image/batch-scan} (BatchScanSwrImage): queue scans of the listed images, or with
 * {@code operate_all} of every image of the account matching the image list's filters. Answers {@code {}} at once;
 * the image list shows {@code waiting_for_scan}, {@code scanning}, then the outcome.
 */
@Path("{project_id}/image/batch-scan")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BatchScanResource {
    /** The most images one {@code operate_all} request queues. */
    static final int MAX_ALL = 10_000;

    @Inject
    ScanService scanService;
    @Inject
    ScanResultService results;
    @Inject
    ImageAssetService assets;
    @Inject
    CurrentCaller caller;

    /** BatchScanSwrImageInfo. */
    public record ImageInfo(String namespace, String imageName, String imageVersion, String instanceId,
                            String instanceUrl) {
    }

    /** BatchScanPrivateImageRequestInfo. */
    public record BatchScanRequest(String repoType, List<ImageInfo> imageInfoList, Boolean operateAll, String namespace,
                                   String imageName, String imageVersion, String imageType, String scanStatus,
                                   Boolean latestVersion, Long imageSize, Long startLatestUpdateTime,
                                   Long endLatestUpdateTime, Long startLatestScanTime, Long endLatestScanTime) {
    }

    /** BatchScanSwrImageResponse has no fields. */
    public record Accepted() {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Accepted scan(@PathParam("project_id") String projectId, BatchScanRequest body) {
        assets.requireOwnProject(caller.get(), projectId);
        if (body == null) {
            throw WharfException.invalid("body", "A body with image_info_list, or operate_all true, is mandatory.");
        }
        Map<Long, List<String>> chosen = new HashMap<>();
        if (Boolean.TRUE.equals(body.operateAll())) {
            ImageType type = ImageType.ofApiName(body.imageType() == null ? "private_image" : body.imageType())
                    .filter(t -> t == ImageType.PRIVATE_IMAGE)
                    .orElseThrow(() -> WharfException.invalid("image_type", "Only private_image images are scanned."));
            var page = assets.list(caller.get(), new AssetQuery(null, null, type, body.namespace(), body.imageName(),
                    body.imageVersion(), Boolean.TRUE.equals(body.latestVersion()), body.imageSize(),
                    instant(body.startLatestUpdateTime()), instant(body.endLatestUpdateTime()), null, 0, MAX_ALL,
                    new ScanCriteria(body.scanStatus(), null, null, null, instant(body.startLatestScanTime()),
                            instant(body.endLatestScanTime()))));
            page.items().forEach(v -> chosen.computeIfAbsent(v.asset().repositoryId(), id -> new ArrayList<>())
                    .add(v.asset().imageDigest()));
        } else {
            if (body.imageInfoList() == null || body.imageInfoList().isEmpty()) {
                throw WharfException.invalid("image_info_list", "List the images to scan, or set operate_all to true.");
            }
            for (ImageInfo image : body.imageInfoList()) {
                if (image == null || image.namespace() == null || image.imageName() == null || image.imageVersion() == null) {
                    throw WharfException.invalid("image_info_list", "Each image needs namespace, image_name and image_version.");
                }
                var found = results.scannable(caller.get(), image.namespace(), image.imageName(), image.imageVersion());
                chosen.computeIfAbsent(found.getKey(), id -> new ArrayList<>()).add(found.getValue());
            }
        }
        scanService.requestAll(chosen);
        return new Accepted();
    }
}
