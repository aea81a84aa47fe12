package io.wharf.integration.scan;

import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AdvisoryLookup;
import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.Vulnerability;
import io.wharf.integration.scan.osv.OsvAdvisories;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an advisory says beyond its ranges: withdrawn, severity from v4 vectors, words and aliases, dates. */
class AdvisorySemanticsTest {
    private static final Component GOLANG_X_NET = new Component("Go", "golang.org/x/net", "v0.7.0", "golang.org/x/net",
            "0.7.0", "pkg:golang/golang.org/x/net@v0.7.0", "app/server");
    private static final Component LIBSSL_UBUNTU = new Component("Ubuntu:22.04:LTS", "libssl3", "3.0.2-0ubuntu1.10",
            "openssl", "3.0.2-0ubuntu1.10", "", "var/lib/dpkg/status");

    private static Advisory advisory(String json) {
        return OsvAdvisories.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String goAdvisory(String id, String extra) {
        return "{\"id\":\"" + id + "\"," + extra + "\"affected\":[{\"package\":{\"ecosystem\":\"Go\",\"name\":\"golang.org/x/net\"},"
                + "\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"0.17.0\"}]}]}]}";
    }

    private static List<Vulnerability> match(Component c, Advisory advisory, Advisory... others) {
        Map<String, Advisory> byId = new java.util.HashMap<>();
        for (Advisory o : others) {
            byId.put(o.id(), o);
        }
        return VulnerabilityMatcher.match(List.of(c), new AdvisoryLookup() {
            @Override
            public List<Advisory> affecting(String ecosystem, String name) {
                return List.of(advisory);
            }

            @Override
            public Optional<Advisory> byId(String id) {
                return Optional.ofNullable(byId.get(id));
            }
        });
    }

    @Test
    void aWithdrawnAdvisoryReportsNothing() {
        assertEquals(List.of(), match(GOLANG_X_NET, advisory(goAdvisory("GO-2023-1", "\"withdrawn\":\"2023-10-01T00:00:00Z\","))));
        assertEquals(1, match(GOLANG_X_NET, advisory(goAdvisory("GO-2023-1", ""))).size());
    }

    @Test
    void aCvssV4VectorIsScored() {
        Vulnerability v = match(GOLANG_X_NET, advisory(goAdvisory("GHSA-v4", "\"severity\":[{\"type\":\"CVSS_V4\","
                + "\"score\":\"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\"}],"))).get(0);
        assertEquals("critical", v.severity());
        assertEquals(9.3, v.cvssScore(), 0.001);
        assertEquals("immediate_repair", v.repairNecessity());
    }

    @Test
    void aSeverityWordIsUsedWhenThereIsNoVector() {
        assertEquals("medium", match(GOLANG_X_NET, advisory(goAdvisory("GHSA-label",
                "\"database_specific\":{\"severity\":\"MODERATE\"},"))).get(0).severity());
        assertEquals("high", match(GOLANG_X_NET, advisory(goAdvisory("GHSA-high",
                "\"database_specific\":{\"severity\":\"HIGH\"},"))).get(0).severity());
    }

    @Test
    void anAdvisoryWithoutSeverityTakesItsImportedAliass() {
        Advisory go = advisory(goAdvisory("GO-2023-2102", "\"aliases\":[\"CVE-2023-39325\",\"GHSA-4374-p667-p6c8\"],"));
        Advisory ghsa = advisory(goAdvisory("GHSA-4374-p667-p6c8", "\"severity\":[{\"type\":\"CVSS_V3\","
                + "\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H\"}],"));
        Vulnerability v = match(GOLANG_X_NET, go, ghsa).get(0);
        assertEquals("GO-2023-2102", v.vulId());
        assertEquals("high", v.severity());
        assertEquals(7.5, v.cvssScore(), 0.001);
        assertEquals("unknown", match(GOLANG_X_NET, go).get(0).severity(), "no alias imported: nothing to lend");
    }

    @Test
    void ubuntusPublishedEcosystemMatchesAnUbuntuImage() {
        Advisory usn = advisory("""
                {"id":"USN-6188-1","aliases":["CVE-2023-2650"],"severity":[{"type":"Ubuntu","score":"medium"}],
                 "affected":[{"package":{"ecosystem":"Ubuntu:22.04:LTS","name":"openssl"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.2-0ubuntu1.10+1"}]}]},
                  {"package":{"ecosystem":"Ubuntu:Pro:22.04:LTS","name":"openssl"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.2-0ubuntu1.99+esm1"}]}]}]}""");
        List<Vulnerability> found = match(LIBSSL_UBUNTU, usn);
        assertEquals(1, found.size());
        assertEquals("3.0.2-0ubuntu1.10+1", found.get(0).fixedVersion(), "the plain release's fix, not Pro's");
        assertEquals("medium", found.get(0).severity());
    }

    @Test
    void anUnknownOrAncientDateIsNotSaid() {
        Advisory go = advisory("{\"id\":\"GO-1\",\"modified\":\"0001-01-01T00:00:00Z\"}");
        assertEquals(Instant.EPOCH, go.modified());
        Advisory dated = advisory("{\"id\":\"GO-2\",\"modified\":\"2024-02-01T00:00:00Z\",\"published\":\"2023-01-05T00:00:00Z\"}");
        assertEquals(Instant.parse("2023-01-05T00:00:00Z"), dated.published());
        assertTrue(dated.modified().isAfter(dated.published()));
    }
}
