package io.wharf.integration.scan.image;

import java.util.List;

/**
 * A regular file of the image as its layers leave it: the layer it comes from, its mode bits, size and SHA-256, the
 * first bytes of its content, and what an analyzer read in it.
 */
public record ImageFile(String path, String layer, int mode, long size, String sha256, byte[] head, List<Object> facts) {
    public static final int SETUID = 04000;
    public static final int SETGID = 02000;
    public static final int WORLD_WRITABLE = 0002;

    public ImageFile {
        facts = List.copyOf(facts);
    }
}
