package io.wharf.domain.scan;

import java.util.List;
import java.util.Map;

/**
 * What scanning one image found: its inventory, operating system, vulnerabilities, malicious files and unsafe settings;
 * and, for the SBOM only (not stored), the layer that wrote each component's file ({@code location} to layer digest)
 * and the distribution packages' dependencies (package name to the names it depends on).
 */
public record ScanFindings(String os, List<Component> components, List<Vulnerability> vulnerabilities,
                           List<MaliciousFile> maliciousFiles, List<RiskCheck> riskChecks, Map<String, String> layers,
                           Map<String, List<String>> dependencies) {
    public ScanFindings {
        components = List.copyOf(components);
        vulnerabilities = List.copyOf(vulnerabilities);
        maliciousFiles = List.copyOf(maliciousFiles);
        riskChecks = List.copyOf(riskChecks);
        layers = Map.copyOf(layers);
        dependencies = Map.copyOf(dependencies);
    }

    /** Findings without the SBOM's layers and dependencies (as stored scans are read back). */
    public ScanFindings(String os, List<Component> components, List<Vulnerability> vulnerabilities,
                        List<MaliciousFile> maliciousFiles, List<RiskCheck> riskChecks) {
        this(os, components, vulnerabilities, maliciousFiles, riskChecks, Map.of(), Map.of());
    }

    public long failedRiskChecks() {
        return riskChecks.stream().filter(r -> !r.passed()).count();
    }
}
