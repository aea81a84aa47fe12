package io.wharf.domain.scan;

/** A file of an image known to be malicious: its path, the layer that holds it, its SHA-256, and what it is. */
public record MaliciousFile(String path, String layer, String sha256, String name) {
}
