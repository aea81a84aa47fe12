package io.wharf.web.api.hss;

import io.wharf.domain.asset.ImageAsset;
import io.wharf.web.application.ImageAssetService;

import java.util.List;

/**
 * One item of {@code data_list} (HSS's PrivateImageRepositoryInfo). Until images are scanned the scan fields say
 * {@code unscan} and the counts are absent rather than invented; {@code scannable} is true for every image.
 * {@code association_images} lists a multi-architecture image's per-architecture images and is empty for others.
 */
public record ImageAssetResponse(long id, String namespace, String imageName, String imageId, String imageDigest,
                                 String imageVersion, String imageType, boolean latestVersion, String scanStatus,
                                 String scanFailedDesc, long imageSize, long latestUpdateTime, Long latestScanTime,
                                 Integer vulNum, Integer unsafeSettingNum, Integer maliciousFileNum, String domainName,
                                 String sharedStatus, boolean scannable, String instanceName, String instanceId,
                                 String instanceUrl, List<AssociatedImageResponse> associationImages) {
    private static final String UNSCAN = "unscan";

    /** HSS's AssociateImages: the per-architecture image is listed under the index's name and version. */
    public record AssociatedImageResponse(String imageName, String imageVersion, String imageType, String namespace,
                                          String imageDigest, String scanStatus) {
    }

    static ImageAssetResponse of(ImageAssetService.AssetView view) {
        ImageAsset a = view.asset();
        boolean shared = a.shareValid() != null;
        List<AssociatedImageResponse> associated = view.associated().stream()
                .map(child -> new AssociatedImageResponse(a.imageName(), a.imageVersion(), a.type().apiName(),
                        a.namespace(), child.digest(), UNSCAN)).toList();
        return new ImageAssetResponse(a.id(), a.namespace(), a.imageName(), a.imageId(), a.imageDigest(),
                a.imageVersion(), a.type().apiName(), view.latestVersion(), UNSCAN, "", a.imageSize(),
                a.updatedAt().toEpochMilli(), null, null, null, null, shared ? view.ownerName() : null,
                shared ? (a.shareValid() ? "effective" : "expired") : null, true, "", "", "", associated);
    }
}
