package io.wharf.web.application;

import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.ManifestDraft;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.ScanSummary;
import io.wharf.integration.scan.OsvImageScanning;
import io.wharf.web.fakes.HeldExecutor;
import io.wharf.web.fakes.InMemoryAdvisories;
import io.wharf.web.fakes.InMemoryRegistry;
import io.wharf.web.fakes.InMemoryScanReports;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.wharf.web.fakes.InMemoryRegistry.OWNER;
import static io.wharf.web.fakes.InMemoryRegistry.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scanning's use cases over in-memory ports with the real scanner: the queue, the outcomes, the SBOM referrer. */
class ScanServiceTest {
    private static final RegistryPath APP = RegistryPath.parse("team/app");
    private final InMemoryRegistry world = new InMemoryRegistry();
    private final InMemoryScanReports scans = new InMemoryScanReports();
    private final InMemoryAdvisories advisories = new InMemoryAdvisories();
    private final HeldExecutor executor = new HeldExecutor();
    private long maxImageBytes = Long.MAX_VALUE;
    private final WharfSettings settings = new WharfSettings() {
        @Override
        public long scanMaxImageBytes() {
            return maxImageBytes;
        }

        @Override
        public boolean scanOnPush() {
            return true;
        }

        @Override
        public int scanWorkers() {
            return 1;
        }
    };
    private final OsvImageScanning scanning = new OsvImageScanning();
    private final ScanService service = new ScanService(scans, advisories, scanning, world.manifests, world.store, settings,
            world.repositories, executor);

    private String upload(byte[] content) throws IOException {
        String id = world.store.startUpload(APP + "\n" + OWNER.userId());
        Digest digest = Digest.parse(sha256(content));
        world.push.commitUpload(OWNER, APP, id, new ByteArrayInputStream(content), digest);
        return digest.toString();
    }

    private static byte[] tarGz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
                byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Pushes an image of one layer under {@code tag} and tells the scanner, as the push use case does. */
    private StoredManifest push(String tag, byte[] layer, String subject) throws IOException {
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"app\",\"Healthcheck\":{}}}"
                .getBytes(StandardCharsets.UTF_8);
        String c = upload(config);
        String l = upload(layer);
        byte[] manifest = InMemoryRegistry.image(c, config.length, l, layer.length);
        ManifestDraft draft = new ManifestDraft("application/vnd.oci.image.manifest.v1+json", false, c,
                "application/vnd.oci.image.config.v1+json", config.length + layer.length, List.of(c, l), List.of(),
                List.of(), subject, null, null);
        StoredManifest stored = world.push.putManifest(OWNER, APP, tag, null, manifest, draft);
        service.pushed(stored);
        return stored;
    }

    private ScanSummary scanOf(StoredManifest m) {
        return scans.of(m.repositoryId(), m.digest()).orElseThrow();
    }

    @Test
    void aPushedImageWaitsThenIsScannedWithItsFindingsAndItsSbomAttached() throws IOException {
        advisories.store(advisories.begin("test", java.time.Instant.now()).id(),
                List.of(new Advisories.Imported(scanning.readAdvisory(DSA), DSA)), java.time.Instant.now());
        StoredManifest image = push("1.0", tarGz(Map.of("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n",
                "var/lib/dpkg/status", "Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1\nSource: openssl\n")),
                null);
        assertEquals(ScanSummary.WAITING, scanOf(image).status(), "a push only queues its scan");
        executor.runAll();
        ScanSummary done = scanOf(image);
        assertEquals(List.of(ScanSummary.SUCCESS, 1, 0, 0), List.of(done.status(), done.vulNum(), done.maliciousFileNum(),
                done.unsafeSettingNum()));
        assertEquals("DSA-1 libssl3 3.0.12-1", scans.vulnerabilities(done.id()).stream()
                .map(v -> v.vulId() + " " + v.packageName() + " " + v.fixedVersion()).findFirst().orElseThrow());
        List<StoredManifest> sbom = world.manifests.referrers(image.repositoryId(), image.digest(), ScanService.SBOM_TYPE);
        assertEquals(1, sbom.size(), "the inventory is attached as a referrer");
        assertTrue(world.store.size(Digest.parse(sbom.get(0).blobs().get(1))).isPresent(), "its document is stored");
    }

    @Test
    void aScanRequestedAgainReplacesTheSbomReferrerOnlyWhenTheInventoryChanged() throws IOException {
        StoredManifest image = push("1.0", tarGz(Map.of("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")), null);
        executor.runAll();
        service.requestAll(Map.of(image.repositoryId(), List.of(image.digest())));
        executor.runAll();
        assertEquals(1, world.manifests.referrers(image.repositoryId(), image.digest(), ScanService.SBOM_TYPE).size());
    }

    @Test
    void anArtifactThatRefersToAnImageIsNotScannedOnPush() throws IOException {
        StoredManifest image = push("1.0", tarGz(Map.of("a", "b")), null);
        StoredManifest signature = push("sig", tarGz(Map.of("c", "d")), image.digest());
        assertTrue(scans.of(signature.repositoryId(), signature.digest()).isEmpty());
    }

    @Test
    void anAccountThatTurnedScanOnPushOffHasItsPushesLeftUnscanned() throws IOException {
        io.wharf.domain.account.Caller member = new io.wharf.domain.account.Caller("u2", "mike", OWNER.accountId(),
                OWNER.accountName(), OWNER.projectId(), false, false);
        assertEquals(io.wharf.domain.error.Failure.FORBIDDEN, org.junit.jupiter.api.Assertions.assertThrows(
                io.wharf.domain.error.WharfException.class, () -> service.setScanOnPush(member, false)).failure());
        service.setScanOnPush(OWNER, false);
        StoredManifest image = push("1.0", tarGz(Map.of("a", "b")), null);
        assertTrue(scans.of(image.repositoryId(), image.digest()).isEmpty());
        assertEquals(false, service.scanOnPush(member), "every user of the account reads the setting");
    }

    @Test
    void anImageOverTheSizeLimitIsNotScannable() throws IOException {
        maxImageBytes = 10;
        StoredManifest image = push("1.0", tarGz(Map.of("a", "b")), null);
        executor.runAll();
        assertEquals(List.of(ScanSummary.FAILED, "image_oversized", false),
                List.of(scanOf(image).status(), scanOf(image).failedDesc(), scanOf(image).scannable()));
    }

    @Test
    void aLayerThatIsNotATarArchiveEndsTheScanAsFailedToScanFile() throws IOException {
        ByteArrayOutputStream noise = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(noise)) {
            byte[] random = new byte[2048];
            new java.util.Random(3).nextBytes(random);
            gzip.write(random);
        }
        StoredManifest image = push("1.0", noise.toByteArray(), null);
        executor.runAll();
        assertEquals(List.of(ScanSummary.FAILED, "failed_to_scan_file", true),
                List.of(scanOf(image).status(), scanOf(image).failedDesc(), scanOf(image).scannable()));
    }

    @Test
    void scansAStoppedServerLeftRunningAreTakenUpAgain() throws IOException {
        StoredManifest image = push("1.0", tarGz(Map.of("a", "b")), null);
        scans.claimNext(java.time.Instant.now(), "node-a");
        assertEquals(ScanSummary.SCANNING, scanOf(image).status());
        service.resume(null);
        executor.runAll();
        assertEquals(ScanSummary.SUCCESS, scanOf(image).status());
    }

    private static final String DSA = """
            {"id":"DSA-1","affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
             "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.12-1"}]}]}]}""";
}
