package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.FeedImport;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.domain.scan.ScanSummary;
import io.wharf.integration.scan.OsvImageScanning;
import io.wharf.web.fakes.HeldExecutor;
import io.wharf.web.fakes.InMemoryAdvisories;
import io.wharf.web.fakes.InMemoryRegistry;
import io.wharf.web.fakes.InMemoryScanReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feed imports over in-memory ports with the real feed reader: accepted at once, worked in the background, all or nothing. */
class FeedServiceTest {
    private static final Caller ADMIN = new Caller("u0", "admin", "a0", "wharf", "p0", true, true);
    private static final String DSA = """
            {"id":"DSA-1","affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
              "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.12-1"}]}]}]}""";
    private static final String GHSA = "{\"id\":\"GHSA-1\",\"affected\":[]}";

    @TempDir
    Path feeds;
    private final InMemoryRegistry world = new InMemoryRegistry();
    private final InMemoryScanReports scans = new InMemoryScanReports();
    private final InMemoryAdvisories advisories = new InMemoryAdvisories();
    private final HeldExecutor executor = new HeldExecutor();
    private final OsvImageScanning scanning = new OsvImageScanning();
    private final WharfSettings settings = new WharfSettings() {
        @Override
        public Path feedDirectory() {
            return feeds.toAbsolutePath().normalize();
        }
    };
    private final ScanService scanService = new ScanService(scans, advisories, scanning, world.manifests, world.store,
            settings, world.repositories, executor);
    private final FeedService service = new FeedService(advisories, scanning, scanService, settings, executor);

    private static byte[] zip(String... namesAndDocuments) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndDocuments.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndDocuments[i]));
                zip.write(namesAndDocuments[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A stored image inventory with openssl 3.0.11-1 and no vulnerabilities yet, as a scan before the feed left it. */
    private long scannedImage() {
        scans.request(1, "sha256:" + "1".repeat(64), Instant.now());
        long id = scans.claimNext(Instant.now(), "node-a").orElseThrow().id();
        scans.complete(id, new ScanFindings("Debian 12", List.of(new Component("Debian:12", "libssl3", "3.0.11-1",
                "openssl", "3.0.11-1", "pkg:deb/debian/libssl3@3.0.11-1", "var/lib/dpkg/status")), List.of(), List.of(),
                List.of()), Instant.now());
        return id;
    }

    @Test
    void anUploadIsAcceptedAtOnceThenStoredWholeAndTheStoredImagesAreMatchedAgain() throws IOException {
        long image = scannedImage();
        FeedImport begun = service.importZip(ADMIN, "osv:Debian", new ByteArrayInputStream(zip("DSA-1.json", DSA,
                "GHSA-1.json", GHSA)));
        assertEquals(List.of(FeedImport.RUNNING, FeedImport.Progress.WAITING, 0L),
                List.of(begun.status(), begun.progress().phase(), advisories.count()), "nothing is read in the request");

        executor.runAll();
        FeedImport done = advisories.importById(begun.id()).orElseThrow();
        assertEquals(List.of(FeedImport.IMPORTED, 2, FeedImport.Progress.DONE, 1L, 1L), List.of(done.status(),
                done.advisoryCount(), done.progress().phase(), done.progress().done(), done.progress().total()));
        assertEquals(List.of("DSA-1"), scans.vulnerabilities(image).stream().map(v -> v.vulId()).toList());
        assertEquals(1, scans.of(1, "sha256:" + "1".repeat(64)).map(ScanSummary::vulNum).orElseThrow());
    }

    @Test
    void aTruncatedUploadIsRefusedInTheRequestAndRecordedWithWhy() throws IOException {
        byte[] whole = zip("DSA-1.json", DSA);
        WharfException refused = assertThrows(WharfException.class, () -> service.importZip(ADMIN, "osv:cut",
                new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 30))));
        assertEquals(List.of(Failure.INVALID, "body"), List.of(refused.failure(), refused.field()));
        FeedImport recorded = advisories.imports(0, 1).get(0);
        assertEquals(FeedImport.REFUSED, recorded.status());
        assertTrue(recorded.message().contains("zip"), recorded.message());
        assertEquals(0, advisories.count());
    }

    @Test
    void aMalformedDocumentRefusesTheWholeFeedInTheBackground() throws IOException {
        FeedImport begun = service.importZip(ADMIN, "osv:bad", new ByteArrayInputStream(zip("DSA-1.json", DSA,
                "broken.json", "{\"summary\":\"no id\"")));
        executor.runAll();
        FeedImport refused = advisories.importById(begun.id()).orElseThrow();
        assertEquals(FeedImport.REFUSED, refused.status());
        assertTrue(refused.message().startsWith("broken.json"), refused.message());
        assertEquals(0, advisories.count(), "the good document is not stored either");
    }

    @Test
    void aDirectoryIsImportedFromInsideTheFeedFolderOnly() throws IOException {
        Files.createDirectories(feeds.resolve("debian"));
        Files.writeString(feeds.resolve("debian/DSA-1.json"), DSA);
        FeedImport begun = service.importDirectory(ADMIN, "debian");
        executor.runAll();
        assertEquals(1, advisories.importById(begun.id()).orElseThrow().advisoryCount());

        WharfException outside = assertThrows(WharfException.class, () -> service.importDirectory(ADMIN, "../.."));
        assertEquals("directory", outside.field());
        WharfException missing = assertThrows(WharfException.class, () -> service.importDirectory(ADMIN, "nothing-here"));
        assertEquals("directory", missing.field());
        assertTrue(!missing.getMessage().contains(feeds.toString()), "no server path: " + missing.getMessage());
        WharfException nul = assertThrows(WharfException.class, () -> service.importDirectory(ADMIN, "deb\u0000ian"));
        assertEquals("directory", nul.field());
    }

    @Test
    void symbolicLinksNeverLeadAnImportOutOfTheFeedFolder() throws IOException {
        Path elsewhere = Files.createTempDirectory("not-feeds");
        Files.writeString(elsewhere.resolve("DSA-9.json"), DSA.replace("DSA-1", "DSA-9"));
        Files.createSymbolicLink(feeds.resolve("escape"), elsewhere);
        assertEquals("directory", assertThrows(WharfException.class,
                () -> service.importDirectory(ADMIN, "escape")).field(), "a linked directory outside");
        Files.createDirectories(feeds.resolve("mixed"));
        Files.writeString(feeds.resolve("mixed/DSA-1.json"), DSA);
        Files.createSymbolicLink(feeds.resolve("mixed/DSA-9.json"), elsewhere.resolve("DSA-9.json"));
        FeedImport begun = service.importDirectory(ADMIN, "mixed");
        executor.runAll();
        assertEquals(1, advisories.importById(begun.id()).orElseThrow().advisoryCount(), "the linked file is not read");
    }

    @Test
    void onlyWharfsAdministratorsImport() {
        Caller accountAdmin = new Caller("u1", "owner", "a1", "acme", "p1", true, false);
        WharfException refused = assertThrows(WharfException.class, () -> service.importDirectory(accountAdmin, "x"));
        assertEquals(Failure.FORBIDDEN, refused.failure());
    }

    @Test
    void atTheNextStartAnImportLeftReadingIsRefusedAndOneLeftMatchingMatchesAgain() throws IOException {
        long image = scannedImage();
        FeedImport reading = advisories.begin("osv:killed", Instant.now());
        FeedImport matching = advisories.begin("osv:stored", Instant.now());
        advisories.store(matching.id(), List.of(new io.wharf.domain.scan.Advisories.Imported(scanning.readAdvisory(DSA), DSA)),
                Instant.now());

        service.resumeUnfinished();
        executor.runAll();
        FeedImport refused = advisories.importById(reading.id()).orElseThrow();
        assertEquals(FeedImport.REFUSED, refused.status());
        assertTrue(refused.message().contains("nothing was stored"), refused.message());
        assertEquals(FeedImport.Progress.DONE, advisories.importById(matching.id()).orElseThrow().progress().phase());
        assertEquals(1, scans.vulnerabilities(image).size(), "the stored advisories reached the image");
    }

    /** A feed of {@code n} advisories (more than one batch), each its own document, with {@code bad} at its end. */
    private static byte[] manyAdvisories(int n, String... bad) throws IOException {
        String[] entries = new String[2 * n + bad.length];
        for (int i = 0; i < n; i++) {
            entries[2 * i] = "GHSA-" + i + ".json";
            entries[2 * i + 1] = "{\"id\":\"GHSA-" + i + "\",\"affected\":[]}";
        }
        System.arraycopy(bad, 0, entries, 2 * n, bad.length);
        return zip(entries);
    }

    @Test
    void aFeedLargerThanABatchIsStoredWholeAndNothingStaysAside() throws IOException {
        FeedImport begun = service.importZip(ADMIN, "osv:big", new ByteArrayInputStream(manyAdvisories(FeedService.BATCH * 2 + 7)));
        executor.runAll();
        FeedImport done = advisories.importById(begun.id()).orElseThrow();
        assertEquals(FeedImport.IMPORTED, done.status(), done.message());
        assertEquals(FeedService.BATCH * 2 + 7, done.advisoryCount());
        assertEquals(FeedService.BATCH * 2 + 7, advisories.count());
        assertEquals(0, advisories.stagedCount());
    }

    @Test
    void aMalformedDocumentAfterSeveralBatchesStoresNothingAndDropsWhatWasPutAside() throws IOException {
        FeedImport begun = service.importZip(ADMIN, "osv:late", new ByteArrayInputStream(
                manyAdvisories(FeedService.BATCH * 3, "zz-broken.json", "{\"summary\":\"no id\"}")));
        executor.runAll();
        FeedImport refused = advisories.importById(begun.id()).orElseThrow();
        assertEquals(FeedImport.REFUSED, refused.status());
        assertEquals("zz-broken.json has no id (an OSV advisory needs one)", refused.message());
        assertEquals(List.of(0L, 0), List.of(advisories.count(), advisories.stagedCount()));
    }

    @Test
    void anImportWhoseWorkerRunsOutOfMemoryIsRefusedWithWhyAndTheNextOneRuns() throws IOException {
        OsvImageScanning dying = new OsvImageScanning() {
            private boolean died;

            @Override
            public long readFeed(Path zip, io.wharf.domain.scan.FeedProgress progress,
                                 java.util.function.Consumer<io.wharf.domain.scan.Advisories.Imported> each) throws IOException {
                if (!died) {
                    died = true;
                    throw new OutOfMemoryError("Java heap space");
                }
                return super.readFeed(zip, progress, each);
            }
        };
        FeedService feeds = new FeedService(advisories, dying, scanService, settings, executor);
        FeedImport first = feeds.importZip(ADMIN, "osv:oom", new ByteArrayInputStream(zip("DSA-1.json", DSA)));
        FeedImport second = feeds.importZip(ADMIN, "osv:next", new ByteArrayInputStream(zip("DSA-1.json", DSA)));
        executor.runAll();
        FeedImport died = advisories.importById(first.id()).orElseThrow();
        assertEquals(FeedImport.REFUSED, died.status());
        assertTrue(died.message().contains("ran out of memory"), died.message());
        assertEquals(FeedImport.IMPORTED, advisories.importById(second.id()).orElseThrow().status());
    }

    @Test
    void theMavenIndexTakesLinesOfSha1AndCoordinatesAndRefusesAnotherFormByLine() {
        assertEquals(2, service.addMavenHashes(ADMIN, "# index\n" + "a".repeat(40) + " org.springframework:spring-beans:5.3.17\n"
                + "b".repeat(40) + "  org.yaml:snakeyaml:1.33\n"));
        assertEquals("org.yaml:snakeyaml:1.33", advisories.mavenCoordinates(List.of("b".repeat(40))).get("b".repeat(40)));
        WharfException refused = assertThrows(WharfException.class, () -> service.addMavenHashes(ADMIN,
                "a".repeat(40) + " org.example:x:1\n" + "not-a-hash org.example:y:1\n"));
        assertTrue(refused.getMessage().startsWith("Line 2 "), refused.getMessage());
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class, () -> service.addMavenHashes(
                new Caller("u", "u", "a", "acct", "p", true, false), "")).failure());
    }

    @Test
    void aMaliciousHashsNameWithControlOrBidiCharactersIsRefused() {
        assertEquals(1, service.addMaliciousHashes(ADMIN, "c".repeat(64) + " eicar test file\n"));
        for (String name : List.of("evil\u0000name", "invoice\u202Efdp.exe", "\u200Bhidden")) {
            WharfException refused = assertThrows(WharfException.class,
                    () -> service.addMaliciousHashes(ADMIN, "d".repeat(64) + " " + name + "\n"));
            assertTrue(refused.getMessage().startsWith("Line 1 "), refused.getMessage());
        }
    }
}
