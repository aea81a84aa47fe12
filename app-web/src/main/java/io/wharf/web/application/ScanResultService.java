package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.Manifests;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.ImageTags;
import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.ImageScanning;
import io.wharf.domain.scan.MaliciousFile;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.domain.scan.ScanReports;
import io.wharf.domain.scan.ScanSummary;
import io.wharf.domain.scan.Vulnerability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What scans found, for the image's readers: its owner's account and the accounts it is shared with, as for the image
 * itself. An image the caller cannot see, or a tag that does not exist, looks missing; an image never scanned has no
 * findings. Scans are requested by the owning account's users with the edit right.
 */
@ApplicationScoped
@UseCase
public class ScanResultService {
    @Inject
    RepositoryAccess access;
    @Inject
    ImageTags tags;
    @Inject
    ScanReports scans;
    @Inject
    Advisories advisories;

    /** The vulnerabilities found in the caller's account's images, by severity, for the overview. */
    public Map<String, Long> severities(Caller caller) {
        return scans.severities(caller.accountId());
    }

    @Inject
    ImageScanning scanning;

    /** A tagged image the caller may read, with its scan (empty: never scanned). */
    public record ScannedImage(long repositoryId, ImageTag tag, Optional<ScanSummary> scan) {
    }

    public ScannedImage image(Caller caller, String namespace, String repository, String tag) {
        RepositoryAccess.Located located = access.locate(caller, namespace, repository);
        ImageTag found = tags.byTag(located.repository().id(), tag).orElseThrow(() -> WharfException.notFound(
                Subject.IMAGE, "The image " + located.repository().path() + ":" + tag + " does not exist."));
        return new ScannedImage(located.repository().id(), found, scans.of(located.repository().id(), found.digest()));
    }

    /** The digest to scan for each image named, checked: the caller's account owns it and the caller may edit it. */
    public Map.Entry<Long, String> scannable(Caller caller, String namespace, String repository, String tag) {
        RepositoryAccess.Located located = access.locate(caller, namespace, repository);
        if (!located.repository().accountId().equals(caller.accountId())) {
            throw WharfException.forbidden("Only the owning account scans " + located.repository().path() + ".");
        }
        located.require(Permission.EDIT);
        ImageTag found = tags.byTag(located.repository().id(), tag).orElseThrow(() -> WharfException.notFound(
                Subject.IMAGE, "The image " + located.repository().path() + ":" + tag + " does not exist."));
        return Map.entry(located.repository().id(), found.digest());
    }

    public List<Vulnerability> vulnerabilities(ScannedImage image) {
        return image.scan().filter(s -> s.status().equals(ScanSummary.SUCCESS))
                .map(s -> scans.vulnerabilities(s.id())).orElse(List.of());
    }

    public List<RiskCheck> riskChecks(ScannedImage image) {
        return image.scan().filter(s -> s.status().equals(ScanSummary.SUCCESS))
                .map(s -> scans.riskChecks(s.id())).orElse(List.of());
    }

    public List<MaliciousFile> maliciousFiles(ScannedImage image) {
        return image.scan().filter(s -> s.status().equals(ScanSummary.SUCCESS))
                .map(s -> scans.maliciousFiles(s.id())).orElse(List.of());
    }

    /** The scans of a repository's images, by digest, for the tag list. */
    public Map<String, ScanSummary> scansOf(long repositoryId, List<String> digests) {
        Map<String, ScanSummary> byDigest = new java.util.HashMap<>();
        scans.of(List.of(repositoryId), digests).values().forEach(s -> byDigest.put(s.digest(), s));
        return byDigest;
    }

    @Inject
    Manifests manifests;
    @Inject
    BlobStore store;

    /**
     * The image's inventory as CycloneDX JSON: the SBOM the scan attached as a referrer (with each component's layer and
     * the dependency graph), else rebuilt from the stored inventory; empty when it has not been scanned.
     */
    public Optional<String> sbom(ScannedImage image, String imagePath) {
        Optional<ScanSummary> scanned = image.scan().filter(s -> s.status().equals(ScanSummary.SUCCESS));
        if (scanned.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> attached = manifests.referrers(image.repositoryId(), image.tag().digest(), SBOM_TYPE).stream()
                .max(Comparator.comparing(StoredManifest::pushedAt))
                .flatMap(this::sbomDocument);
        return attached.or(() -> Optional.of(scanning.sbom(imagePath, image.tag().digest(), new ScanFindings("",
                scans.components(scanned.get().id()), List.of(), List.of(), List.of()))));
    }

    private static final String SBOM_TYPE = "application/vnd.cyclonedx+json";

    /** The referrer's SBOM blob (its one layer); empty when it cannot be read. */
    private Optional<String> sbomDocument(StoredManifest referrer) {
        for (String blob : referrer.blobs()) {
            if (blob.equals(referrer.configDigest())) {
                continue;
            }
            try {
                Digest digest = Digest.parse(blob);
                Optional<Long> size = store.size(digest);
                if (size.isPresent()) {
                    try (InputStream in = store.open(digest, 0, size.get())) {
                        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** An imported advisory and its CVSS base score (negative: none), to anyone signed in: advisories are public. */
    public record AdvisoryView(Advisory advisory, double baseScore) {
    }

    public AdvisoryView advisory(String vulId) {
        Advisory found = advisories.document(vulId).or(() -> advisories.documentsAliasing(vulId).stream().findFirst())
                .map(scanning::readAdvisory).orElseThrow(() -> WharfException.notFound(
                        Subject.PAGE, "No imported advisory is or names " + vulId + "."));
        return new AdvisoryView(found, scanning.baseScore(found));
    }
}
