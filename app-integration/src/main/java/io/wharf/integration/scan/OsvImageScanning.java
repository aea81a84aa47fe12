package io.wharf.integration.scan;

import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AdvisoryLookup;
import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.FeedProgress;
import io.wharf.domain.scan.Vulnerability;
import io.wharf.domain.scan.ImageScanning;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.integration.scan.osv.OsvAdvisories;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Images scanned by {@link ImageScanner}; feeds read in the OSV format. A feed zip is copied to a temporary file and
 * opened through its central directory, so that a truncated download is refused instead of read in part.
 */
@ApplicationScoped
public class OsvImageScanning implements ImageScanning {
    /** A larger advisory document is not an advisory. */
    private static final int MAX_DOCUMENT = 16 * 1024 * 1024;
    /** Redirects a feed mirror may send Wharf through, each one checked by the network policy. */
    private static final int MAX_REDIRECTS = 5;
    static final int MAX_ENTRIES = 2_000_000;
    static final long MAX_RATIO = 100;
    static final int MAX_OTHER_ENTRIES = 10_000;
    /** Small zips may inflate further (a handful of documents compress well): this much is always allowed. */
    private static final long RATIO_ALLOWANCE = 64L * 1024 * 1024;

    @Override
    public ScanFindings scan(byte[] config, List<? extends Layer> layers, AdvisoryLookup advisories,
                             Map<String, String> denyList) throws IOException {
        return ImageScanner.scan(config, layers, advisories, denyList);
    }

    @Override
    public String sbom(String imageName, String imageDigest, ScanFindings findings) {
        return CycloneDxSbom.of(imageName, imageDigest, findings.components(), findings.layers(), findings.dependencies());
    }

    @Override
    public List<Vulnerability> match(List<Component> components, AdvisoryLookup advisories) {
        return VulnerabilityMatcher.match(components, advisories);
    }

    @Override
    public double baseScore(Advisory advisory) {
        return VulnerabilityMatcher.baseScore(advisory.cvssVectors());
    }

    @Override
    public Advisory readAdvisory(String document) {
        try {
            return OsvAdvisories.read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        } catch (OsvAdvisories.Malformed e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public Path saveFeed(InputStream zip) throws IOException {
        Path copy = Files.createTempFile("wharf-feed", ".zip");
        try {
            Files.copy(zip, copy, StandardCopyOption.REPLACE_EXISTING);
            try (ZipFile complete = new ZipFile(copy.toFile())) {
                // Opening reads the central directory at the end: a truncated download fails here.
                return copy;
            } catch (ZipException e) {
                throw new IllegalArgumentException("not a complete zip archive");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    @Override
    public Path downloadFeed(java.net.URI mirror) throws IOException {
        return downloadFeed(mirror, io.wharf.integration.registry.SyncNetworkPolicy.configured());
    }

    /**
     * Downloads a mirror's zip through the network policy: the mirror and every redirect (followed by hand, at most
     * five, http(s) only) must be somewhere Wharf may connect to, so a mirror cannot lead Wharf to loopback.
     */
    Path downloadFeed(java.net.URI mirror, io.wharf.integration.registry.SyncNetworkPolicy policy) throws IOException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(30))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        java.net.URI next = mirror;
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                if (!"https".equals(next.getScheme()) && !"http".equals(next.getScheme())) {
                    throw new IllegalArgumentException("a feed mirror is an http(s) URL: " + mirror);
                }
                policy.refusal(next, true).ifPresent(why -> {
                    throw new IllegalArgumentException("the feed mirror " + mirror + " is refused: " + why);
                });
                java.net.http.HttpResponse<InputStream> answer = client.send(java.net.http.HttpRequest.newBuilder(next)
                                .timeout(java.time.Duration.ofMinutes(30)).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = answer.body()) {
                    int status = answer.statusCode();
                    java.util.Optional<String> location = answer.headers().firstValue("Location");
                    if (status >= 300 && status < 400 && location.isPresent()) {
                        next = next.resolve(location.get());
                        continue;
                    }
                    if (status != 200) {
                        throw new IllegalArgumentException("the mirror answered HTTP " + status);
                    }
                    return saveFeed(body);
                }
            }
            throw new IllegalArgumentException("the feed mirror " + mirror + " redirected more than " + MAX_REDIRECTS
                    + " times");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + mirror, e);
        }
    }

    @Override
    public long readFeed(Path zipOrDirectory, FeedProgress progress, Consumer<Advisories.Imported> each) throws IOException {
        if (!Files.isDirectory(zipOrDirectory)) {
            return readZip(zipOrDirectory, zipOrDirectory.getFileName().toString(), progress, each);
        }
        List<Path> files;
        try (var walk = Files.walk(zipOrDirectory)) {
            // Links are not followed: a feed directory names its own files, never others on the machine.
            files = walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> f.toString().endsWith(".zip") || f.toString().endsWith(".json"))
                    .sorted().toList();
        }
        long read = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = zipOrDirectory.relativize(file).toString();
            if (name.endsWith(".zip")) {
                read += readZip(file, name, FeedProgress.NONE, each);
            } else {
                if (Files.size(file) > MAX_DOCUMENT) {
                    throw new IllegalArgumentException(name + " is larger than 16 MiB; no advisory is that large");
                }
                each.accept(imported(name, Files.readAllBytes(file)));
                read++;
            }
            progress.advanced(i + 1, files.size());
        }
        return read;
    }

    /**
     * Streams a zip's advisories one at a time. What a zip may inflate to is bounded, so a crafted one cannot exhaust
     * the heap or the disk: one entry at most 16 MiB, at most {@value #MAX_ENTRIES} entries (of which at most
     * {@value #MAX_OTHER_ENTRIES} not advisories), and no more than {@value #MAX_RATIO} times the zip's own size in all
     * (real feeds of JSON inflate about 10 times).
     */
    private static long readZip(Path zip, String name, FeedProgress progress, Consumer<Advisories.Imported> each)
            throws IOException {
        long budget = Files.size(zip) * MAX_RATIO + RATIO_ALLOWANCE;
        long inflated = 0;
        long read = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            int total = file.size();
            if (total > MAX_ENTRIES) {
                throw new IllegalArgumentException(name + " holds " + total + " entries, more than the "
                        + MAX_ENTRIES + " any feed has");
            }
            int done = 0;
            int others = 0;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                progress.advanced(done++, total);
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    // A feed is advisories; a zip of mostly something else is not one (a million tiny entries).
                    if (!entry.isDirectory() && ++others > MAX_OTHER_ENTRIES) {
                        throw new IllegalArgumentException(name + " holds more than " + MAX_OTHER_ENTRIES
                                + " entries that are not advisories (.json): not a feed");
                    }
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes(MAX_DOCUMENT + 1);
                    if (bytes.length > MAX_DOCUMENT) {
                        throw new IllegalArgumentException(entry.getName() + " inflates to more than 16 MiB; no advisory"
                                + " is that large (a zip bomb?)");
                    }
                    inflated += bytes.length;
                    if (inflated > budget) {
                        throw new IllegalArgumentException(name + " inflates to more than " + MAX_RATIO
                                + " times its size (a zip bomb?)");
                    }
                    each.accept(imported(entry.getName(), bytes));
                    read++;
                }
            }
            progress.advanced(total, total);
        } catch (ZipException e) {
            throw new IllegalArgumentException(name + " is not a complete zip archive");
        }
        return read;
    }

    private static Advisories.Imported imported(String name, byte[] bytes) {
        try {
            return new Advisories.Imported(OsvAdvisories.read(new ByteArrayInputStream(bytes)),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (OsvAdvisories.Malformed e) {
            throw new IllegalArgumentException(name + " " + e.getMessage());
        }
    }
}
