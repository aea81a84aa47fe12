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

    /**
     * The inventory as a CycloneDX JSON document, the same for the same image and findings: components with the layer
     * that wrote each, the OS, the distribution packages' dependencies.
     */
    String sbom(String imageName, String imageDigest, ScanFindings findings);

    /** Matches an inventory stored by an earlier scan against the advisories as they are now. */
    List<Vulnerability> match(List<Component> components, AdvisoryLookup advisories);

    /** The highest CVSS base score of the advisory's vectors; negative when it has none that can be read. */
    double baseScore(Advisory advisory);

    /** Reads one OSV document; a malformed one fails with {@link IllegalArgumentException} naming why. */
    Advisory readAdvisory(String document);

    /**
     * Saves an uploaded feed zip (osv.dev's {@code all.zip}) to a temporary file and checks that it is a complete zip;
     * a truncated or damaged one fails with {@link IllegalArgumentException} naming why, leaving no file behind.
     */
    java.nio.file.Path saveFeed(InputStream zip) throws IOException;

    /** Downloads a feed zip from an http(s) mirror as {@link #saveFeed} does, or fails naming why (HTTP status, timeout). */
    java.nio.file.Path downloadFeed(java.net.URI mirror) throws IOException;

    /**
     * Reads every {@code .json} advisory of a saved zip, or of a directory tree (with the {@code .zip} feeds in it),
     * handing each to {@code each} as it is read — a feed is never held whole — and telling {@code progress} as it
     * goes; returns how many were read. A malformed archive or document, or a zip that inflates past what any feed
     * can (a zip bomb), fails with {@link IllegalArgumentException} naming why.
     */
    long readFeed(java.nio.file.Path zipOrDirectory, FeedProgress progress,
                  java.util.function.Consumer<Advisories.Imported> each) throws IOException;
}
