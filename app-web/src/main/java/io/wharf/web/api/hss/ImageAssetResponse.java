package io.wharf.web.api.hss;

import io.wharf.domain.asset.ImageAsset;
import io.wharf.web.application.ImageAssetService;

import io.wharf.domain.scan.ScanSummary;

import java.util.List;
import java.util.Optional;

/**
 * One item of {@code data_list} (HSS's PrivateImageRepositoryInfo). The scan fields are those of Wharf's own scan of
 * the image: {@code unscan} and no counts until one ran; {@code latest_scan_time} in epoch milliseconds; the counts
 * only once a scan succeeded; {@code scannable} false for what cannot be scanned (artifacts, images over the size limit).
 * {@code association_images} lists a multi-architecture image's per-architecture images and is empty for others.
 * {@code severity_summary} is Wharf's extension (docs/hss.md): the vulnerabilities by severity and how many a known
 * version fixes, once a scan succeeded.
 */
public record ImageAssetResponse(long id, String namespace, String imageName, String imageId, String imageDigest,
                                 String imageVersion, String imageType, boolean latestVersion, String scanStatus,
                                 String scanFailedDesc, long imageSize, long latestUpdateTime, Long latestScanTime,
                                 Integer vulNum, Integer unsafeSettingNum, Integer maliciousFileNum, String domainName,
                                 String sharedStatus, boolean scannable, String instanceName, String instanceId,
                                 String instanceUrl, List<AssociatedImageResponse> associationImages,
                                 SeveritySummary severitySummary) {
    private static final String UNSCAN = "unscan";

    /** HSS's AssociateImages: the per-architecture image is listed under the index's name and version. */
    public record AssociatedImageResponse(String imageName, String imageVersion, String imageType, String namespace,
                                          String imageDigest, String scanStatus) {
    }

    /** Wharf's extension: the ship decision's numbers. */
    public record SeveritySummary(int critical, int high, int medium, int low, int unknown, int fixable) {
        static SeveritySummary of(ScanSummary scan) {
            var c = scan.counts();
            return new SeveritySummary(c.critical(), c.high(), c.medium(), c.low(), c.unknown(), c.fixable());
        }
    }

    static ImageAssetResponse of(ImageAssetService.AssetView view) {
        ImageAsset a = view.asset();
        boolean shared = a.shareValid() != null;
        List<AssociatedImageResponse> associated = view.associated().stream()
                .map(child -> new AssociatedImageResponse(a.imageName(), a.imageVersion(), a.type().apiName(),
                        a.namespace(), child.digest(), Optional.ofNullable(view.associatedScans().get(child.digest()))
                        .map(ScanSummary::status).orElse(UNSCAN))).toList();
        Optional<ScanSummary> scan = view.scan();
        Optional<ScanSummary> succeeded = scan.filter(s -> s.status().equals(ScanSummary.SUCCESS));
        return new ImageAssetResponse(a.id(), a.namespace(), a.imageName(), a.imageId(), a.imageDigest(),
                a.imageVersion(), a.type().apiName(), view.latestVersion(), scan.map(ScanSummary::status).orElse(UNSCAN),
                scan.map(ScanSummary::failedDesc).orElse(""), a.imageSize(), a.updatedAt().toEpochMilli(),
                scan.map(ScanSummary::scannedAt).map(java.time.Instant::toEpochMilli).orElse(null),
                succeeded.map(ScanSummary::vulNum).orElse(null), succeeded.map(ScanSummary::unsafeSettingNum).orElse(null),
                succeeded.map(ScanSummary::maliciousFileNum).orElse(null), shared ? view.ownerName() : null,
                shared ? (a.shareValid() ? "effective" : "expired") : null, scan.map(ScanSummary::scannable).orElse(true),
                "", "", "", associated, succeeded.map(SeveritySummary::of).orElse(null));
    }
}
