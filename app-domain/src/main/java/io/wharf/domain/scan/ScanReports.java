package io.wharf.domain.scan;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Image scans: a persistent queue (waiting, then scanning) and what each finished scan found. */
public interface ScanReports {

    /** The account's choice of scanning on push; empty when it has made none (the operator's default applies). */
    Optional<Boolean> scanOnPush(String accountId);

    void setScanOnPush(String accountId, boolean on);

    /** Queues the image for a scan; one already waiting or scanning stays as it is. */
    void request(long repositoryId, String digest, Instant now);

    /** Takes the longest-waiting scan and marks it scanning by {@code node}; empty when none waits. */
    Optional<ScanSummary> claimNext(Instant now, String node);

    /**
     * Scans left {@code scanning} by a node that is gone (its lease on its name ran out at {@code now}) wait again;
     * returns how many.
     */
    int requeueInterrupted(Instant now);

    /** Stores what the scan found, replacing an earlier scan's findings, and marks it {@code success}. */
    void complete(long scanId, ScanFindings findings, Instant now);

    /** Marks the scan failed with HSS's {@code scan_failed_desc}; {@code scannable} false when it never can be. */
    void fail(long scanId, String failedDesc, boolean scannable, Instant now);

    Optional<ScanSummary> of(long repositoryId, String digest);

    /** Ids of succeeded scans after {@code afterId}, in id order, at most {@code limit}. */
    List<Long> succeededAfter(long afterId, int limit);

    /** The vulnerabilities found in the account's images, counted by severity (critical, high, ...). */
    Map<String, Long> severities(String accountId);

    /** How many scans succeeded (the inventories a feed import re-matches). */
    long countSucceeded();

    /** Replaces a succeeded scan's vulnerabilities (matched again after a feed import) and its count. */
    void replaceVulnerabilities(long scanId, List<Vulnerability> vulnerabilities);

    /** The scans of the listed images, by {@code repositoryId + "/" + digest}. */
    Map<String, ScanSummary> of(Collection<Long> repositoryIds, Collection<String> digests);

    List<Vulnerability> vulnerabilities(long scanId);

    List<MaliciousFile> maliciousFiles(long scanId);

    List<RiskCheck> riskChecks(long scanId);

    List<Component> components(long scanId);
}
