package io.wharf.web.fakes;

import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.MaliciousFile;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.domain.scan.ScanReports;
import io.wharf.domain.scan.ScanSummary;
import io.wharf.domain.scan.Vulnerability;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Scans in maps: the queue (oldest request first) and each scan's findings. */
public final class InMemoryScanReports implements ScanReports {
    private final Map<Long, ScanSummary> scans = new ConcurrentHashMap<>();
    private final Map<Long, Instant> requested = new ConcurrentHashMap<>();
    private final Map<Long, ScanFindings> findings = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** The summary with its counts by severity taken from the findings stored for it. */
    private ScanSummary with(ScanSummary s, String status, String failedDesc, boolean scannable, Instant at,
                             String os, int vul, int unsafe, int malicious) {
        ScanFindings f = findings.get(s.id());
        return new ScanSummary(s.id(), s.repositoryId(), s.digest(), status, failedDesc, scannable, at, os, vul, unsafe,
                malicious, f == null || vul == 0 ? io.wharf.domain.scan.VulnerabilityCounts.NONE
                : io.wharf.domain.scan.VulnerabilityCounts.of(f.vulnerabilities()));
    }

    private final Map<String, Boolean> onPush = new ConcurrentHashMap<>();

    @Override
    public Optional<Boolean> scanOnPush(String accountId) {
        return Optional.ofNullable(onPush.get(accountId));
    }

    @Override
    public void setScanOnPush(String accountId, boolean on) {
        onPush.put(accountId, on);
    }

    @Override
    public synchronized void request(long repositoryId, String digest, Instant now) {
        Optional<ScanSummary> existing = of(repositoryId, digest);
        if (existing.isEmpty()) {
            long id = ids.incrementAndGet();
            scans.put(id, new ScanSummary(id, repositoryId, digest, ScanSummary.WAITING, "", true, null, "", 0, 0, 0,
                    io.wharf.domain.scan.VulnerabilityCounts.NONE));
            requested.put(id, now);
        } else if (!existing.get().status().equals(ScanSummary.SCANNING) && !existing.get().status().equals(ScanSummary.WAITING)) {
            ScanSummary s = existing.get();
            scans.put(s.id(), with(s, ScanSummary.WAITING, "", true, s.scannedAt(), s.os(), s.vulNum(),
                    s.unsafeSettingNum(), s.maliciousFileNum()));
            requested.put(s.id(), now);
        }
    }

    @Override
    public synchronized Optional<ScanSummary> claimNext(Instant now, String node) {
        Optional<ScanSummary> next = scans.values().stream().filter(s -> s.status().equals(ScanSummary.WAITING))
                .min(Comparator.comparing((ScanSummary s) -> requested.get(s.id())).thenComparing(ScanSummary::id));
        next.ifPresent(s -> scans.put(s.id(), with(s, ScanSummary.SCANNING, "", true, s.scannedAt(), s.os(), s.vulNum(),
                s.unsafeSettingNum(), s.maliciousFileNum())));
        return next;
    }

    @Override
    public synchronized int requeueInterrupted(Instant now) {
        List<ScanSummary> running = scans.values().stream().filter(s -> s.status().equals(ScanSummary.SCANNING)).toList();
        running.forEach(s -> scans.put(s.id(), with(s, ScanSummary.WAITING, "", true, s.scannedAt(), s.os(), 0, 0, 0)));
        return running.size();
    }

    @Override
    public void complete(long scanId, ScanFindings found, Instant now) {
        findings.put(scanId, found);
        ScanSummary s = scans.get(scanId);
        scans.put(scanId, with(s, ScanSummary.SUCCESS, "", true, now, found.os(), found.vulnerabilities().size(),
                (int) found.failedRiskChecks(), found.maliciousFiles().size()));
    }

    @Override
    public void fail(long scanId, String failedDesc, boolean scannable, Instant now) {
        ScanSummary s = scans.get(scanId);
        scans.put(scanId, with(s, ScanSummary.FAILED, failedDesc, scannable, now, s.os(), 0, 0, 0));
    }

    @Override
    public Optional<ScanSummary> of(long repositoryId, String digest) {
        return scans.values().stream().filter(s -> s.repositoryId() == repositoryId && s.digest().equals(digest)).findFirst();
    }

    @Override
    public Map<String, ScanSummary> of(Collection<Long> repositoryIds, Collection<String> digests) {
        Map<String, ScanSummary> found = new HashMap<>();
        scans.values().stream().filter(s -> repositoryIds.contains(s.repositoryId()) && digests.contains(s.digest()))
                .forEach(s -> found.put(s.repositoryId() + "/" + s.digest(), s));
        return found;
    }

    @Override
    public List<Long> succeededAfter(long afterId, int limit) {
        return scans.values().stream().filter(s -> s.status().equals(ScanSummary.SUCCESS) && s.id() > afterId)
                .map(ScanSummary::id).sorted().limit(limit).toList();
    }

    /** The fakes hold one account's scans: every finding counts. */
    @Override
    public Map<String, Long> severities(String accountId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        findings.values().forEach(f -> f.vulnerabilities().forEach(v -> counts.merge(v.severity(), 1L, Long::sum)));
        return counts;
    }

    @Override
    public long countSucceeded() {
        return scans.values().stream().filter(s -> s.status().equals(ScanSummary.SUCCESS)).count();
    }

    @Override
    public void replaceVulnerabilities(long scanId, List<Vulnerability> vulnerabilities) {
        ScanFindings f = findings.get(scanId);
        findings.put(scanId, new ScanFindings(f.os(), f.components(), vulnerabilities, f.maliciousFiles(), f.riskChecks()));
        ScanSummary s = scans.get(scanId);
        scans.put(scanId, with(s, s.status(), s.failedDesc(), s.scannable(), s.scannedAt(), s.os(), vulnerabilities.size(),
                s.unsafeSettingNum(), s.maliciousFileNum()));
    }

    @Override
    public List<Vulnerability> vulnerabilities(long scanId) {
        return Optional.ofNullable(findings.get(scanId)).map(ScanFindings::vulnerabilities).orElse(List.of());
    }

    @Override
    public List<MaliciousFile> maliciousFiles(long scanId) {
        return Optional.ofNullable(findings.get(scanId)).map(ScanFindings::maliciousFiles).orElse(List.of());
    }

    @Override
    public List<RiskCheck> riskChecks(long scanId) {
        return Optional.ofNullable(findings.get(scanId)).map(ScanFindings::riskChecks).orElse(List.of());
    }

    @Override
    public List<Component> components(long scanId) {
        return Optional.ofNullable(findings.get(scanId)).map(ScanFindings::components).orElse(List.of());
    }
}
