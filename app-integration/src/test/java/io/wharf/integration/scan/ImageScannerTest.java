package io.wharf.integration.scan;

import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AdvisoryLookup;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.domain.scan.Vulnerability;
import io.wharf.integration.scan.image.TestImage;
import io.wharf.integration.scan.osv.OsvAdvisories;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One image with known content, scanned against advisories in the OSV format: the exact findings. */
class ImageScannerTest {
    private static final String OPENSSL = """
            {"id":"DSA-5532-1","aliases":["CVE-2023-5363"],"summary":"openssl security update",
             "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
             "references":[{"type":"ADVISORY","url":"https://security-tracker.debian.org/tracker/DSA-5532-1"}],
             "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
               "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.11-1~deb12u2"}]}]}]}""";
    private static final String OPENSSL_FIXED_BEFORE = """
            {"id":"DSA-5417-1","aliases":["CVE-2023-2650"],"summary":"old openssl issue",
             "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
               "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.9-1"}]}]}]}""";
    private static final String LODASH = """
            {"id":"GHSA-35jh-r3h4-6jhm","aliases":["CVE-2021-23337"],"summary":"Command Injection in lodash",
             "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"}],
             "affected":[{"package":{"ecosystem":"npm","name":"lodash"},
               "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}""";
    private static final String SNAKEYAML = """
            {"id":"GHSA-mjmj-j48q-9wg2","aliases":["CVE-2022-1471"],"summary":"SnakeYaml Constructor Deserialization",
             "affected":[{"package":{"ecosystem":"Maven","name":"org.yaml:snakeyaml"},
               "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]}]}""";

    private static Advisory osv(String json) {
        return OsvAdvisories.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private final List<Advisory> feed = List.of(osv(OPENSSL), osv(OPENSSL_FIXED_BEFORE), osv(LODASH), osv(SNAKEYAML));
    private final AdvisoryLookup lookup = (ecosystem, name) -> feed.stream()
            .filter(a -> a.affected().stream().anyMatch(p -> p.ecosystem().equals(ecosystem) && p.name().equals(name)))
            .toList();

    @Test
    void anImageShowsItsRealVulnerabilitiesMaliciousFilesAndUnsafeSettings() throws IOException {
        TestImage image = TestImage.sample();
        ScanFindings findings = ImageScanner.scan(image.config(), image.layers(), lookup,
                Map.of("sha256:" + "ab".repeat(32), "Listed.Trojan"));

        assertEquals("Debian GNU/Linux 12 (bookworm)", findings.os());
        List<String> vulns = findings.vulnerabilities().stream().map(v -> v.vulId() + " " + v.cveId() + " " + v.severity()
                + " " + v.packageName() + " " + v.version() + " -> " + v.fixedVersion()).toList();
        assertEquals(List.of(
                "DSA-5532-1 CVE-2023-5363 high libssl3 3.0.11-1~deb12u1 -> 3.0.11-1~deb12u2",
                "GHSA-35jh-r3h4-6jhm CVE-2021-23337 high lodash 4.17.20 -> 4.17.21",
                "GHSA-mjmj-j48q-9wg2 CVE-2022-1471 unknown org.yaml:snakeyaml 1.33 -> 2.0"), vulns);
        Vulnerability openssl = findings.vulnerabilities().get(0);
        assertEquals(7.5, openssl.cvssScore());
        assertEquals("immediate_repair", openssl.repairNecessity());

        assertEquals(List.of("opt/eicar.com EICAR-Test-File"), findings.maliciousFiles().stream()
                .map(m -> m.path() + " " + m.name()).toList());

        List<String> failed = findings.riskChecks().stream().filter(r -> !r.passed())
                .map(r -> r.ruleId() + " " + r.evidence()).toList();
        assertEquals(List.of("1.1 User is not set (root)", "1.2 Env sets AWS_ACCESS_KEY_ID, DB_PASSWORD",
                "1.3 no HEALTHCHECK in the image config", "1.4 exposes 22/tcp", "2.1 /usr/bin/passwd",
                "3.1 /usr/sbin/sshd", "4.1 etc/shadow: guest"), failed);
        assertEquals(8, findings.riskChecks().size());
        assertTrue(findings.riskChecks().stream().filter(RiskCheck::passed).anyMatch(r -> r.ruleId().equals("2.2")));
    }

    @Test
    void aVersionAtItsFixIsNotReported() throws IOException {
        TestImage image = TestImage.sample();
        AdvisoryLookup fixedAlready = (ecosystem, name) -> List.of(osv(OPENSSL_FIXED_BEFORE));
        assertTrue(ImageScanner.scan(image.config(), image.layers(), fixedAlready, Map.of()).vulnerabilities().isEmpty());
    }

    @Test
    void aFileOnTheDenyListIsNamedWithItsLayer() throws IOException {
        TestImage image = TestImage.sample();
        String evil = image.sha256Of("usr/local/bin/miner");
        ScanFindings findings = ImageScanner.scan(image.config(), image.layers(), lookup, Map.of(evil, "CoinMiner.Linux"));
        assertEquals(List.of("usr/local/bin/miner CoinMiner.Linux sha256:layer2", "opt/eicar.com EICAR-Test-File sha256:layer2"),
                findings.maliciousFiles().stream().map(m -> m.path() + " " + m.name() + " " + m.layer()).sorted(
                        java.util.Comparator.reverseOrder()).toList());
    }
}
