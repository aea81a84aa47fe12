package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Hand-made OCI image layouts for skopeo to push: images of random layers with a config naming their architecture,
 * and multi-architecture indexes. Random bytes are valid layer blobs for a registry, which never unpacks them.
 */
final class OciLayout {
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX = "application/vnd.oci.image.index.v1+json";

    private final Path root;
    private final List<String> layers = new ArrayList<>();
    private final JsonArrayBuilder index = Json.createArrayBuilder();

    /** A descriptor of stored content. */
    record Blob(String digest, long size) {
    }

    OciLayout(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("blobs/sha256"));
            Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    /**
     * A gzip layer of {@code size} random bytes, stored without compression (random bytes do not compress) so that
     * clients push it as it is and digests survive the round trip; written in 1 MiB pieces, never held whole.
     */
    Blob randomLayer(long size, long seed) {
        try {
            Random random = new Random(seed);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path temporary = Files.createTempFile(root, "layer", ".tmp");
            byte[] piece = new byte[1 << 20];
            try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
                {
                    def.setLevel(Deflater.NO_COMPRESSION);
                }
            }) {
                for (long left = size; left > 0; left -= piece.length) {
                    random.nextBytes(piece);
                    out.write(piece, 0, (int) Math.min(piece.length, left));
                }
            }
            size = Files.size(temporary);
            String hex = HexFormat.of().formatHex(sha.digest());
            Files.move(temporary, root.resolve("blobs/sha256/" + hex), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            layers.add("sha256:" + hex);
            return new Blob("sha256:" + hex, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digests of the random layers written so far. */
    List<String> layerDigests() {
        return layers;
    }

    Blob write(byte[] content) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            Files.write(root.resolve("blobs/sha256/" + hex), content);
            return new Blob("sha256:" + hex, content.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image manifest over the given layers, for {@code architecture}; returns the manifest's descriptor. */
    Blob image(String architecture, List<Blob> layers) {
        JsonArrayBuilder diffIds = Json.createArrayBuilder();
        JsonArrayBuilder layerList = Json.createArrayBuilder();
        for (Blob layer : layers) {
            diffIds.add(layer.digest());
            layerList.add(Json.createObjectBuilder().add("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip")
                    .add("digest", layer.digest()).add("size", layer.size()));
        }
        Blob config = write(Json.createObjectBuilder().add("architecture", architecture).add("os", "linux")
                .add("rootfs", Json.createObjectBuilder().add("type", "layers").add("diff_ids", diffIds))
                .build().toString().getBytes(StandardCharsets.UTF_8));
        return write(Json.createObjectBuilder().add("schemaVersion", 2).add("mediaType", MANIFEST)
                .add("config", Json.createObjectBuilder().add("mediaType", "application/vnd.oci.image.config.v1+json")
                        .add("digest", config.digest()).add("size", config.size()))
                .add("layers", layerList).build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** An index over images of several architectures. */
    Blob multiArch(List<String> architectures, List<Blob> images) {
        JsonArrayBuilder manifests = Json.createArrayBuilder();
        for (int i = 0; i < images.size(); i++) {
            manifests.add(Json.createObjectBuilder().add("mediaType", MANIFEST).add("digest", images.get(i).digest())
                    .add("size", images.get(i).size()).add("platform", Json.createObjectBuilder()
                            .add("architecture", architectures.get(i)).add("os", "linux")));
        }
        return write(Json.createObjectBuilder().add("schemaVersion", 2).add("mediaType", INDEX)
                .add("manifests", manifests).build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Names a manifest or index in the layout's index.json under {@code ref}. */
    OciLayout tag(String ref, Blob manifest, String mediaType) {
        index.add(Json.createObjectBuilder().add("mediaType", mediaType).add("digest", manifest.digest())
                .add("size", manifest.size()).add("annotations", Json.createObjectBuilder()
                        .add("org.opencontainers.image.ref.name", ref)));
        JsonObject written = Json.createObjectBuilder().add("schemaVersion", 2).add("manifests", index.build()).build();
        try {
            Files.writeString(root.resolve("index.json"), written.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // build() empties the builder: keep its content for the next tag.
        written.getJsonArray("manifests").forEach(index::add);
        return this;
    }

    /** A layout holding a two-architecture image (amd64 and arm64, one small random layer each) tagged {@code ref}. */
    static TwoArchitectures twoArchitectures(Path root, String ref) {
        OciLayout layout = new OciLayout(root);
        Blob amd64 = layout.image("amd64", List.of(layout.randomLayer(5_000, 1)));
        Blob arm64 = layout.image("arm64", List.of(layout.randomLayer(6_000, 2)));
        Blob index = layout.multiArch(List.of("amd64", "arm64"), List.of(amd64, arm64));
        layout.tag(ref, index, INDEX);
        return new TwoArchitectures(layout, index, amd64, arm64);
    }

    /** A multi-architecture image: its layout, its index and the two images the index lists. */
    record TwoArchitectures(OciLayout layout, Blob index, Blob amd64, Blob arm64) {
        /** The digests of the images the index lists. */
        java.util.Set<String> children() {
            return java.util.Set.of(amd64.digest(), arm64.digest());
        }
    }

    /** An image of one gzip layer and the given config (JSON), tagged {@code ref}; returns the layout's root. */
    static Path oneLayerImage(Path root, String ref, byte[] gzipLayer, String config) {
        OciLayout layout = new OciLayout(root);
        Blob blob = layout.write(gzipLayer);
        Blob configBlob = layout.write(config.getBytes(StandardCharsets.UTF_8));
        Blob manifest = layout.write(Json.createObjectBuilder().add("schemaVersion", 2).add("mediaType", MANIFEST)
                .add("config", Json.createObjectBuilder().add("mediaType", "application/vnd.oci.image.config.v1+json")
                        .add("digest", configBlob.digest()).add("size", configBlob.size()))
                .add("layers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip").add("digest", blob.digest())
                        .add("size", blob.size()))).build().toString().getBytes(StandardCharsets.UTF_8));
        layout.tag(ref, manifest, MANIFEST);
        return layout.root();
    }

    /** A single-architecture image of {@code layers} random layers of {@code layerSize} bytes, tagged {@code ref}. */
    static OciLayout simpleImage(Path root, String ref, int layers, long layerSize) {
        OciLayout layout = new OciLayout(root);
        List<Blob> blobs = new ArrayList<>();
        long seed = System.nanoTime();
        for (int i = 0; i < layers; i++) {
            blobs.add(layout.randomLayer(layerSize, seed + i));
        }
        return layout.tag(ref, layout.image("amd64", blobs), MANIFEST);
    }
}
