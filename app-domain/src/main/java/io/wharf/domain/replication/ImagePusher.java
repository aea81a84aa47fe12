package io.wharf.domain.replication;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Copies one image to a remote OCI registry through the distribution API. */
public interface ImagePusher {

    /** A manifest to put, by digest (an index's children) or, last, under the tag. */
    record Manifest(String digest, String mediaType, byte[] content, List<String> blobs) {
    }

    /** Reads the blobs a manifest names from Wharf's store. */
    interface Blobs {
        long size(String digest) throws IOException;

        InputStream open(String digest) throws IOException;
    }

    /** What a copy did: blobs sent and blobs the target already had (not sent again). */
    record Copied(int sent, int skipped) {
    }

    /**
     * Puts {@code children} by digest, then {@code top} under {@code tag} in {@code repository} at {@code region},
     * each manifest only after every blob it names is there; refuses (a {@link io.wharf.domain.sync.SyncFailure}) a
     * tag that exists unless {@code override}. Nothing is put under the tag unless all else is in place.
     */
    Copied push(Region region, String password, String repository, String tag, List<Manifest> children, Manifest top,
                Blobs blobs, boolean override);
}
