package io.wharf.domain.scan;

import java.util.List;

/** What scanning one image found: its inventory, operating system, vulnerabilities, malicious files and unsafe settings. */
public record ScanFindings(String os, List<Component> components, List<Vulnerability> vulnerabilities,
                           List<MaliciousFile> maliciousFiles, List<RiskCheck> riskChecks) {
    public ScanFindings {
        components = List.copyOf(components);
        vulnerabilities = List.copyOf(vulnerabilities);
        maliciousFiles = List.copyOf(maliciousFiles);
        riskChecks = List.copyOf(riskChecks);
    }

    public long failedRiskChecks() {
        return riskChecks.stream().filter(r -> !r.passed()).count();
    }
}
