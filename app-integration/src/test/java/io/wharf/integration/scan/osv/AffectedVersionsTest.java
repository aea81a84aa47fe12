package io.wharf.integration.scan.osv;

import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AffectedPackage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OSV advisories read from their JSON and matched with each ecosystem's order. */
class AffectedVersionsTest {

    private static Advisory advisory(String json) {
        return OsvAdvisories.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static AffectedPackage affected(String ecosystem, String name, String ranges, String versions) {
        return advisory("""
                {"id":"TEST-1","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"%s","name":"%s"},
                 "ranges":[%s],"versions":[%s]}]}""".formatted(ecosystem, name, ranges, versions)).affected().get(0);
    }

    private static String fixedOf(AffectedPackage affected, String version) {
        return AffectedVersions.match(affected, version).map(AffectedVersions.Match::fixedVersion).orElse("not affected");
    }

    @Test
    void aDebianRangeUsesEpochsAndTildesAndNamesItsFix() {
        AffectedPackage openssl = affected("Debian:12", "openssl",
                "{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"3.0.15-1~deb12u1\"}]}", "");
        assertEquals("3.0.15-1~deb12u1", fixedOf(openssl, "3.0.11-1~deb12u2"));
        assertEquals("3.0.15-1~deb12u1", fixedOf(openssl, "3.0.15-1~deb12u0"));
        assertEquals("not affected", fixedOf(openssl, "3.0.15-1~deb12u1"));
        assertEquals("not affected", fixedOf(openssl, "3.0.15-1"));
        assertEquals("not affected", fixedOf(openssl, "1:1.0"), "an epoch outranks every version without one");
    }

    @Test
    void aVersionBeforeItsIntroductionOrBetweenTwoWindowsIsNotAffected() {
        AffectedPackage lodash = affected("npm", "lodash", "{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"1.2.0\"},"
                + "{\"fixed\":\"1.4.0\"},{\"introduced\":\"2.0.0\"},{\"fixed\":\"2.0.3\"}]}", "");
        assertEquals("not affected", fixedOf(lodash, "1.1.9"));
        assertEquals("1.4.0", fixedOf(lodash, "1.2.0"));
        assertEquals("not affected", fixedOf(lodash, "1.10.0"), "1.10 comes after 1.4 in semver, not before");
        assertEquals("2.0.3", fixedOf(lodash, "2.0.3-rc.1"));
        assertEquals("not affected", fixedOf(lodash, "2.0.3"));
    }

    @Test
    void lastAffectedIncludesItselfAndNoFixIsAnEmptyFixedVersion() {
        AffectedPackage pkg = affected("PyPI", "django", "{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"4.0\"},"
                + "{\"last_affected\":\"4.2.1\"}]}", "");
        assertEquals("", fixedOf(pkg, "4.2.1"));
        assertEquals("", fixedOf(pkg, "4.2.1rc1"));
        assertEquals("not affected", fixedOf(pkg, "4.2.1.post1"));
        AffectedPackage open = affected("Maven", "org.example:lib", "{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"}]}", "");
        assertEquals("", fixedOf(open, "99.0"));
    }

    @Test
    void anExplicitVersionListMatchesExactlyAndGitRangesAreNotGuessed() {
        AffectedPackage listed = affected("Alpine:v3.19", "busybox",
                "{\"type\":\"GIT\",\"repo\":\"https://example.com/x.git\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"abc123\"}]}",
                "\"1.36.1-r5\"");
        assertEquals("", fixedOf(listed, "1.36.1-r5"));
        assertEquals("not affected", fixedOf(listed, "1.36.1-r6"));
    }

    @Test
    void anAlpineFixWithARevision() {
        AffectedPackage curl = affected("Alpine:v3.19", "curl",
                "{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"8.5.0-r0\"}]}", "");
        assertEquals("8.5.0-r0", fixedOf(curl, "8.4.0-r0"));
        assertEquals("8.5.0-r0", fixedOf(curl, "8.5.0_rc1-r0"));
        assertEquals("not affected", fixedOf(curl, "8.5.0-r1"));
    }

    @Test
    void theAdvisoryKeepsItsCveAliasAndCvssVector() {
        Advisory a = advisory("""
                {"id":"GHSA-xxxx-yyyy-zzzz","aliases":["CVE-2024-0001"],"summary":"s","details":"d",
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "references":[{"type":"ADVISORY","url":"https://example.com/a"}],"modified":"2024-05-01T10:00:00Z",
                 "affected":[],"unknown_field":{"x":1}}""");
        assertEquals("CVE-2024-0001", a.cveId());
        assertEquals("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", a.cvssVectors().get(0));
        assertEquals("https://example.com/a", a.references().get(0));
    }

    @Test
    void somethingThatIsNotAnAdvisoryIsRefusedWithTheReason() {
        assertTrue(assertThrows(OsvAdvisories.Malformed.class, () -> advisory("{\"summary\":\"no id\"}"))
                .getMessage().contains("id"));
        assertThrows(OsvAdvisories.Malformed.class, () -> advisory("[1,2]"));
        assertThrows(OsvAdvisories.Malformed.class, () -> advisory("{\"id\":\"" + "X".repeat(1_000_000) + "\"}"),
                "an id of a million characters");
        assertThrows(OsvAdvisories.Malformed.class, () -> advisory("{\"id\":\"DSA-1\\u0000\\u202E\"}"));
        assertThrows(OsvAdvisories.Malformed.class, () -> advisory("{\"id\":\"X\",\"affected\":[{\"ranges\":[{\"events\":[{\"fixed\":7}]}]}]}"));
    }
}
