package io.wharf.domain.asset;

/**
 * One image of a multi-architecture image (an OCI image index or Docker manifest list): its manifest digest and the
 * platform it is built for ({@code arm64/v8}; empty when the index does not say).
 */
public record AssociatedImage(String digest, String architecture) {
}
