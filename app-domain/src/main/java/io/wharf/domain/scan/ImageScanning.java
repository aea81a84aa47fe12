package io.wharf.domain.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Reads images and advisory feeds (implemented where the file formats are known). */
public interface ImageScanning {

    /** A layer of an image, in order, opened when the scan reaches it. */
    interface Layer {
        String digest();

        InputStream open() throws IOException;
    }

    /** Scans an image from its config and layers. */
    ScanFindings scan(byte[] config, List<? extends Layer> layers, AdvisoryLookup advisories, Map<String, String> denyList)
            throws IOException;

    /** The inventory as a CycloneDX JSON document, the same for the same image and components. */
    String sbom(String imageName, String imageDigest, List<Component> components);

    /** Matches an inventory stored by an earlier scan against the advisories as they are now. */
    List<Vulnerability> match(List<Component> components, AdvisoryLookup advisories);

    /** The highest CVSS base score of the advisory's vectors; negative when it has none that can be read. */
    double baseScore(Advisory advisory);

    /** Reads one OSV document; a malformed one fails with {@link IllegalArgumentException} naming why. */
    Advisory readAdvisory(String document);

    /**
     * Reads every {@code .json} advisory of a zip (osv.dev's {@code all.zip}) or of a directory tree; a truncated or
     * malformed archive or document fails with {@link IllegalArgumentException} naming why, having returned nothing.
     */
    List<Advisories.Imported> readFeed(InputStream zip) throws IOException;

    /** Reads every {@code .json} advisory and every {@code .zip} feed below a directory, or fails naming why. */
    List<Advisories.Imported> readFeedDirectory(java.nio.file.Path directory) throws IOException;

    /** Downloads a feed zip from an http(s) mirror and reads it, or fails naming why (HTTP status, timeout). */
    List<Advisories.Imported> readFeed(java.net.URI mirror) throws IOException;
}
