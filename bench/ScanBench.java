import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AdvisoryLookup;
import io.wharf.domain.scan.AffectedPackage;
import io.wharf.domain.scan.AffectedRange;
import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.ImageScanning;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.integration.scan.ImageScanner;
import io.wharf.integration.scan.VulnerabilityMatcher;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The scanning benchmark (bash bench/scan.sh): a 200 MB image of 5 layers, 100 small images, and 10,000 stored
 * inventories matched again against a feed — printing times and the heap's peak.
 */
public class ScanBench {
    record FileLayer(String digest, Path file) implements ImageScanning.Layer {
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("wharf-scan-bench");
        byte[] dpkg = Files.readAllBytes(Path.of("/var/lib/dpkg/status"));
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"app\"}}".getBytes(StandardCharsets.UTF_8);
        List<Component> installed = new ArrayList<>();
        // A feed naming every installed source package of this machine, half of them fixed after the installed version.
        List<FileLayer> big = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            big.add(layer(work.resolve("big" + i), 40L * 1024 * 1024, i, i == 0 ? dpkg : null));
        }
        long bytes = 0;
        for (FileLayer l : big) {
            bytes += Files.size(l.file());
        }
        Map<String, List<Advisory>> feed = new HashMap<>();
        AdvisoryLookup lookup = (ecosystem, name) -> feed.getOrDefault(ecosystem + "/" + name, List.of());
        ScanFindings first = ImageScanner.scan(config, big, lookup, Map.of());
        installed.addAll(first.components());
        for (int i = 0; i < installed.size(); i++) {
            Component c = installed.get(i);
            String fixed = i % 2 == 0 ? c.sourceVersion() + "+fix1" : "0.0.1";
            feed.computeIfAbsent(c.ecosystem() + "/" + c.source(), k -> new ArrayList<>()).add(new Advisory("BENCH-" + i,
                    List.of("CVE-2099-" + i), "bench", "", List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"), List.of(),
                    Instant.EPOCH, List.of(new AffectedPackage(c.ecosystem(), c.source(), List.of(new AffectedRange("ECOSYSTEM",
                    List.of(new AffectedRange.Event(AffectedRange.Event.Kind.INTRODUCED, "0"),
                            new AffectedRange.Event(AffectedRange.Event.Kind.FIXED, fixed)))), List.of()))));
        }
        resetPeaks();
        long start = System.nanoTime();
        ScanFindings findings = ImageScanner.scan(config, big, lookup, Map.of());
        double bigSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("200 MB image, 5 layers (%.0f MB compressed, %d packages, %d vulnerabilities): %.2f s, heap peak %d MB%n",
                bytes / 1048576.0, findings.components().size(), findings.vulnerabilities().size(), bigSeconds, heapPeakMb());

        List<FileLayer> small = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            small.add(layer(work.resolve("small" + i), 100 * 1024, 100 + i, i % 10 == 0 ? dpkg : null));
        }
        start = System.nanoTime();
        for (FileLayer l : small) {
            ImageScanner.scan(config, List.of(l), lookup, Map.of());
        }
        System.out.printf("100 small images (100 KB each, every tenth with this machine's dpkg database): %.2f s%n",
                (System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        long matched = 0;
        for (int i = 0; i < 10_000; i++) {
            matched += VulnerabilityMatcher.match(installed, lookup).size();
        }
        System.out.printf("10,000 stored inventories of %d packages matched again (in memory, %d findings): %.2f s%n",
                installed.size(), matched, (System.nanoTime() - start) / 1e9);
    }

    /** A gzip tar layer of about {@code size} bytes of incompressible files of 256 KiB, with an optional dpkg database. */
    static FileLayer layer(Path file, long size, long seed, byte[] dpkg) throws IOException {
        Random random = new Random(seed);
        byte[] chunk = new byte[256 * 1024];
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out, 65536))) {
            if (dpkg != null) {
                put(tar, "var/lib/dpkg/status", dpkg);
                put(tar, "etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian 12\"\n".getBytes(StandardCharsets.UTF_8));
            }
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                put(tar, "data/" + seed + "/f" + written + ".bin", chunk);
            }
        }
        return new FileLayer("sha256:bench" + seed, file);
    }

    static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long heapPeakMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576;
    }
}
