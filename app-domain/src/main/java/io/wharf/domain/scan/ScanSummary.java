package io.wharf.domain.scan;

import java.time.Instant;

/**
 * The scan of one image (repository and manifest digest) as the image list shows it: HSS's {@code scan_status}
 * ({@code waiting_for_scan}, {@code scanning}, {@code success}, {@code failed}), {@code scan_failed_desc}, whether the
 * image can be scanned, when it was, and the counts (vulnerabilities also by severity).
 */
public record ScanSummary(long id, long repositoryId, String digest, String status, String failedDesc, boolean scannable,
                          Instant scannedAt, String os, int vulNum, int unsafeSettingNum, int maliciousFileNum,
                          VulnerabilityCounts counts) {
    public static final String WAITING = "waiting_for_scan";
    public static final String SCANNING = "scanning";
    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";
}
