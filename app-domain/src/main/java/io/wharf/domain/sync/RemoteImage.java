package io.wharf.domain.sync;

import io.wharf.domain.asset.AssociatedImage;

import java.util.List;

/**
 * An image found in a remote registry: repository, tag, manifest digest and media type, the image's size, and for a
 * multi-architecture index the images it lists (empty otherwise).
 */
public record RemoteImage(String repository, String tag, String digest, String mediaType, long size,
                          List<AssociatedImage> associated) {
    public RemoteImage {
        associated = List.copyOf(associated);
    }
}
