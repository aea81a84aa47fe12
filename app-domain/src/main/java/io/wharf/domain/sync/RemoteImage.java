package io.wharf.domain.sync;

/** An image found in a remote registry: repository, tag, manifest digest and media type, and the image's size. */
public record RemoteImage(String repository, String tag, String digest, String mediaType, long size) {
}
