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
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
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

    @Override
    public ScanFindings scan(byte[] config, List<? extends Layer> layers, AdvisoryLookup advisories,
                             Map<String, String> denyList) throws IOException {
        return ImageScanner.scan(config, layers, advisories, denyList);
    }

    @Override
    public String sbom(String imageName, String imageDigest, List<Component> components) {
        return CycloneDxSbom.of(imageName, imageDigest, components);
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
                throw new IllegalArgumentException("not a complete zip archive (" + e.getMessage() + ")");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    @Override
    public Path downloadFeed(java.net.URI mirror) throws IOException {
        if (!"https".equals(mirror.getScheme()) && !"http".equals(mirror.getScheme())) {
            throw new IllegalArgumentException("a feed mirror is an http(s) URL: " + mirror);
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(30))
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        try {
            java.net.http.HttpResponse<InputStream> answer = client.send(java.net.http.HttpRequest.newBuilder(mirror)
                    .timeout(java.time.Duration.ofMinutes(30)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != 200) {
                    throw new IllegalArgumentException("the mirror answered HTTP " + answer.statusCode());
                }
                return saveFeed(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + mirror, e);
        }
    }

    @Override
    public List<Advisories.Imported> readFeed(Path zipOrDirectory, FeedProgress progress) throws IOException {
        if (!Files.isDirectory(zipOrDirectory)) {
            return readZip(zipOrDirectory, zipOrDirectory.getFileName().toString(), progress);
        }
        List<Path> files;
        try (var walk = Files.walk(zipOrDirectory)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".zip") || f.toString().endsWith(".json"))
                    .sorted().toList();
        }
        List<Advisories.Imported> found = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = zipOrDirectory.relativize(file).toString();
            if (name.endsWith(".zip")) {
                found.addAll(readZip(file, name, FeedProgress.NONE));
            } else {
                if (Files.size(file) > MAX_DOCUMENT) {
                    throw new IllegalArgumentException(name + " is larger than 16 MiB");
                }
                found.add(imported(name, Files.readAllBytes(file)));
            }
            progress.advanced(i + 1, files.size());
        }
        return found;
    }

    private static List<Advisories.Imported> readZip(Path zip, String name, FeedProgress progress) throws IOException {
        List<Advisories.Imported> found = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            int total = file.size();
            int done = 0;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                progress.advanced(done++, total);
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes(MAX_DOCUMENT + 1);
                    if (bytes.length > MAX_DOCUMENT) {
                        throw new IllegalArgumentException(entry.getName() + " is larger than 16 MiB");
                    }
                    found.add(imported(entry.getName(), bytes));
                }
            }
            progress.advanced(total, total);
        } catch (ZipException e) {
            throw new IllegalArgumentException(name + " is not a complete zip archive (" + e.getMessage() + ")");
        }
        return found;
    }

    private static Advisories.Imported imported(String name, byte[] bytes) {
        try {
            return new Advisories.Imported(OsvAdvisories.read(new ByteArrayInputStream(bytes)),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (OsvAdvisories.Malformed e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }
}
