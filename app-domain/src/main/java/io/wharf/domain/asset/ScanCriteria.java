package io.wharf.domain.asset;

import java.time.Instant;

/**
 * The image list's scan filters (page 003): a scan status ({@code unscan}: never scanned), whether vulnerabilities,
 * malicious files or unsafe settings were found, and when the last scan ended; null fields do not filter.
 */
public record ScanCriteria(String status, Boolean hasVul, Boolean hasMaliciousFile, Boolean hasUnsafeSetting,
                           Instant scannedFrom, Instant scannedTo) {
    public static final ScanCriteria NONE = new ScanCriteria(null, null, null, null, null, null);

    public boolean any() {
        return !equals(NONE);
    }
}
