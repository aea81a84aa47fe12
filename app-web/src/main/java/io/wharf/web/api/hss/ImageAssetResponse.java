package io.wharf.web.api.hss;

import io.wharf.web.application.ImageAssetService;

/**
 * One item of {@code data_list} (HSS's PrivateImageRepositoryInfo). Until images are scanned the scan fields say
 * {@code unscan} and the counts are absent rather than invented; {@code scannable} is true for every image.
 */
public record ImageAssetResponse(long id, String namespace, String imageName, String imageId, String imageDigest,
                                 String imageVersion, String imageType, boolean latestVersion, String scanStatus,
                                 String scanFailedDesc, long imageSize, long latestUpdateTime, Long latestScanTime,
                                 Integer vulNum, Integer unsafeSettingNum, Integer maliciousFileNum, String domainName,
                                 String sharedStatus, boolean scannable, String instanceName, String instanceId,
                                 String instanceUrl) {

    static ImageAssetResponse of(ImageAssetService.AssetView view) {
        var a = view.asset();
        boolean shared = a.shareValid() != null;
        return new ImageAssetResponse(a.id(), a.namespace(), a.imageName(), a.imageId(), a.imageDigest(),
                a.imageVersion(), a.type().apiName(), view.latestVersion(), "unscan", "", a.imageSize(),
                a.updatedAt().toEpochMilli(), null, null, null, null, shared ? view.ownerName() : null,
                shared ? (a.shareValid() ? "effective" : "expired") : null, true, "", "", "");
    }
}
