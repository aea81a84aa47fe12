package io.wharf.web.registry;

import io.wharf.domain.registry.RegistryError;
import io.wharf.domain.registry.RegistryException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A pushed manifest as far as the registry needs to understand it: its media type, what it references (config and
 * layers of an image; child manifests and their platforms of an index), its subject, artifact type and annotations.
 */
record ManifestDocument(String mediaType, boolean index, String configDigest, String configMediaType, long imageSize,
                        List<String> blobs, List<String> children, List<String> platforms, String subject,
                        String artifactType, String annotations) {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final Set<String> IMAGE_CONFIGS = Set.of("application/vnd.oci.image.config.v1+json",
            "application/vnd.docker.container.image.v1+json");

    static ManifestDocument parse(byte[] content, String contentType) {
        JsonObject json;
        try (var reader = Json.createReader(new ByteArrayInputStream(content))) {
            json = reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw invalid("the manifest is not a JSON object");
        } catch (JsonException e) {
            throw invalid("the manifest is not valid JSON");
        }
        if (json.getInt("schemaVersion", 0) != 2) {
            throw invalid("schemaVersion must be 2");
        }
        String declared = json.getString("mediaType", null);
        String type = declared != null ? declared : stripParameters(contentType);
        if (declared != null && contentType != null && !stripParameters(contentType).isEmpty()
                && !stripParameters(contentType).equals(declared)) {
            throw invalid("the Content-Type " + contentType + " differs from the manifest's mediaType " + declared);
        }
        if (type == null || type.isEmpty()) {
            type = json.containsKey("manifests") ? OCI_INDEX : OCI_MANIFEST;
        }
        String subject = json.containsKey("subject") ? digestOf(json.getJsonObject("subject")) : null;
        String annotations = json.containsKey("annotations") ? json.getJsonObject("annotations").toString() : null;
        String artifactType = json.getString("artifactType", null);
        try {
            return switch (type) {
                case OCI_INDEX, DOCKER_LIST -> index(json, type, subject, artifactType, annotations);
                case OCI_MANIFEST, DOCKER_MANIFEST -> image(json, type, subject, artifactType, annotations);
                default -> throw new RegistryException(RegistryError.MANIFEST_INVALID,
                        "Unsupported manifest media type " + type + "; Wharf takes OCI image manifests and indexes and"
                                + " Docker schema 2 manifests and manifest lists.");
            };
        } catch (ClassCastException | NullPointerException e) {
            throw invalid("a descriptor lacks its digest, size or media type");
        }
    }

    private static ManifestDocument image(JsonObject json, String type, String subject, String artifactType,
                                          String annotations) {
        JsonObject config = json.getJsonObject("config");
        if (config == null) {
            throw invalid("an image manifest needs a config descriptor");
        }
        List<String> blobs = new ArrayList<>();
        blobs.add(digestOf(config));
        long size = config.getJsonNumber("size").longValueExact();
        JsonArray layers = json.containsKey("layers") ? json.getJsonArray("layers") : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue layer : layers) {
            JsonObject descriptor = layer.asJsonObject();
            // Foreign layers (URLs) live elsewhere and are not pushed; every other layer must be here.
            if (descriptor.containsKey("urls")) {
                continue;
            }
            blobs.add(digestOf(descriptor));
            size += descriptor.getJsonNumber("size").longValueExact();
        }
        String configType = config.getString("mediaType", "");
        // An artifact without artifactType takes its config's media type, as the referrers API says.
        String effectiveArtifactType = artifactType != null ? artifactType
                : IMAGE_CONFIGS.contains(configType) ? null : configType;
        return new ManifestDocument(type, false, digestOf(config), configType, size, blobs, List.of(), List.of(),
                subject, effectiveArtifactType, annotations);
    }

    private static ManifestDocument index(JsonObject json, String type, String subject, String artifactType,
                                          String annotations) {
        List<String> children = new ArrayList<>();
        List<String> platforms = new ArrayList<>();
        for (JsonValue entry : json.getJsonArray("manifests")) {
            JsonObject descriptor = entry.asJsonObject();
            children.add(digestOf(descriptor));
            JsonObject platform = descriptor.getJsonObject("platform");
            if (platform != null && platform.containsKey("architecture")) {
                String arch = platform.getString("architecture");
                platforms.add(platform.containsKey("variant") ? arch + "/" + platform.getString("variant") : arch);
            }
        }
        return new ManifestDocument(type, true, null, null, 0, List.of(), children, platforms, subject, artifactType,
                annotations);
    }

    private static String digestOf(JsonObject descriptor) {
        String digest = descriptor.getString("digest");
        if (digest.indexOf(':') <= 0) {
            throw invalid("the descriptor digest " + digest + " is not a digest");
        }
        return digest;
    }

    private static String stripParameters(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    private static RegistryException invalid(String why) {
        return new RegistryException(RegistryError.MANIFEST_INVALID, "Invalid manifest: " + why + ".");
    }
}
