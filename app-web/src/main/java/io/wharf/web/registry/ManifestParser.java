package io.wharf.web.registry;

import io.wharf.web.Jsonp;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.ManifestDraft;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a pushed manifest into a {@link ManifestDraft}. Every field is checked here, at the edge, by type, range and length (the OCI image specification's rules), with a
 * nesting limit checked before the JSON parser runs; a broken rule is {@code MANIFEST_INVALID}, {@code DIGEST_INVALID}
 * or {@code SIZE_INVALID} naming the field, so nothing malformed reaches storage or the database.
 */
final class ManifestParser {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    /** RFC 6838: type and subtype of at most 127 characters each. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern PLATFORM_WORD = Pattern.compile("[A-Za-z0-9_.+-]{1,64}");
    static final int MAX_DEPTH = 32;
    private static final int MAX_DESCRIPTORS = 10_000;

    private ManifestParser() {
    }

    static ManifestDraft parse(byte[] content, String contentType) {
        checkDepth(content);
        JsonObject json;
        try (var reader = Jsonp.PROVIDER.createReader(new ByteArrayInputStream(content))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("the manifest is not a JSON object", "");
            }
            json = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the manifest is not valid JSON", "");
        }
        JsonValue schemaVersion = json.get("schemaVersion");
        if (!(schemaVersion instanceof JsonNumber number) || !number.isIntegral() || !number.bigDecimalValue().equals(BigDecimal.valueOf(2))) {
            throw invalid("schemaVersion must be the number 2", "schemaVersion");
        }
        String declared = mediaTypeField(json, "mediaType", "mediaType", false);
        String type = declared != null ? declared : stripParameters(contentType);
        if (declared != null && contentType != null && !stripParameters(contentType).isEmpty()
                && !stripParameters(contentType).equals(declared)) {
            throw invalid("the Content-Type differs from the manifest's mediaType", "mediaType");
        }
        if (type == null || type.isEmpty()) {
            type = json.containsKey("manifests") ? OCI_INDEX : OCI_MANIFEST;
        }
        String subject = null;
        if (json.containsKey("subject")) {
            subject = descriptor(json.get("subject"), "subject").digest();
        }
        String annotations = annotations(json, "annotations");
        String artifactType = mediaTypeField(json, "artifactType", "artifactType", false);
        return switch (type) {
            case OCI_INDEX, DOCKER_LIST -> index(json, type, subject, artifactType, annotations);
            case OCI_MANIFEST, DOCKER_MANIFEST -> image(json, type, subject, artifactType, annotations);
            default -> throw new RegistryException(RegistryError.MANIFEST_INVALID,
                    "Unsupported manifest media type " + abbreviate(type) + "; Wharf takes OCI image manifests and"
                            + " indexes and Docker schema 2 manifests and manifest lists.", "mediaType");
        };
    }

    private record Descriptor(String mediaType, String digest, long size, boolean foreign, String platform) {
    }

    private static ManifestDraft image(JsonObject json, String type, String subject, String artifactType,
                                          String annotations) {
        if (!json.containsKey("config")) {
            throw invalid("an image manifest needs a config descriptor", "config");
        }
        Descriptor config = descriptor(json.get("config"), "config");
        List<String> blobs = new ArrayList<>();
        blobs.add(config.digest());
        long size = config.size();
        for (Descriptor layer : descriptors(json, "layers", false)) {
            // Foreign layers (URLs) live elsewhere and are not pushed; every other layer must be here.
            if (!layer.foreign()) {
                blobs.add(layer.digest());
            }
            size = saturatedAdd(size, layer.size());
        }
        String configType = config.mediaType() == null ? "" : config.mediaType();
        // An artifact without artifactType takes its config's media type, as the referrers API says.
        String effectiveArtifactType = artifactType != null ? artifactType
                : ManifestDraft.IMAGE_CONFIGS.contains(configType) || configType.isEmpty() ? null : configType;
        return new ManifestDraft(type, false, config.digest(), configType, size, blobs, List.of(), List.of(),
                subject, effectiveArtifactType, annotations);
    }

    private static ManifestDraft index(JsonObject json, String type, String subject, String artifactType,
                                          String annotations) {
        List<String> children = new ArrayList<>();
        List<String> platforms = new ArrayList<>();
        for (Descriptor entry : descriptors(json, "manifests", true)) {
            children.add(entry.digest());
            if (entry.platform() != null) {
                platforms.add(entry.platform());
            }
        }
        return new ManifestDraft(type, true, null, null, 0, List.of(), children, platforms, subject, artifactType,
                annotations);
    }

    private static List<Descriptor> descriptors(JsonObject json, String field, boolean required) {
        JsonValue value = json.get(field);
        if (value == null && !required) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(field + " must be an array of descriptors", field);
        }
        if (array.size() > MAX_DESCRIPTORS) {
            throw invalid(field + " lists more than " + MAX_DESCRIPTORS + " descriptors", field);
        }
        List<Descriptor> found = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            found.add(descriptor(array.get(i), field + "[" + i + "]"));
        }
        return found;
    }

    /** A content descriptor: mediaType, digest and size, with optional urls, annotations and platform. */
    private static Descriptor descriptor(JsonValue value, String path) {
        if (!(value instanceof JsonObject object)) {
            throw invalid(path + " must be a descriptor object", path);
        }
        String mediaType = mediaTypeField(object, "mediaType", path + ".mediaType", false);
        JsonValue digestValue = object.get("digest");
        if (!(digestValue instanceof JsonString digestText)) {
            throw invalid(path + ".digest is required and must be a string", path + ".digest");
        }
        String digest;
        try {
            digest = Digest.parse(digestText.getString()).toString();
        } catch (WharfException e) {
            throw new RegistryException(RegistryError.DIGEST_INVALID, "Invalid manifest: " + path
                    + ".digest is not a sha256 or sha512 digest.", path + ".digest");
        }
        long size = size(object.get("size"), path + ".size");
        boolean foreign = false;
        if (object.containsKey("urls")) {
            if (!(object.get("urls") instanceof JsonArray urls) || urls.stream().anyMatch(u -> !(u instanceof JsonString))) {
                throw invalid(path + ".urls must be an array of strings", path + ".urls");
            }
            foreign = !urls.isEmpty();
        }
        annotations(object, path + ".annotations");
        return new Descriptor(mediaType, digest, size, foreign, platform(object, path));
    }

    private static String platform(JsonObject descriptor, String path) {
        JsonValue value = descriptor.get("platform");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject platform)) {
            throw invalid(path + ".platform must be an object", path + ".platform");
        }
        String architecture = platformWord(platform, "architecture", path);
        String variant = platformWord(platform, "variant", path);
        platformWord(platform, "os", path);
        if (architecture == null) {
            return null;
        }
        return variant == null ? architecture : architecture + "/" + variant;
    }

    private static String platformWord(JsonObject platform, String field, String path) {
        JsonValue value = platform.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString text) || !PLATFORM_WORD.matcher(text.getString()).matches()) {
            throw invalid(path + ".platform." + field + " must be a word of at most 64 letters, digits, '.', '_', '+' or '-'",
                    path + ".platform." + field);
        }
        return text.getString();
    }

    /** A size: a whole number from 0 to 2^63-1 (not 1.5, not 1e30). */
    private static long size(JsonValue value, String path) {
        if (!(value instanceof JsonNumber number)) {
            throw new RegistryException(RegistryError.SIZE_INVALID, "Invalid manifest: " + path
                    + " is required and must be a number.", path);
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.scale() > 0 && decimal.stripTrailingZeros().scale() > 0
                || decimal.signum() < 0 || decimal.compareTo(new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE))) > 0) {
            throw new RegistryException(RegistryError.SIZE_INVALID, "Invalid manifest: " + path
                    + " must be a whole number of bytes from 0 to " + Long.MAX_VALUE + ".", path);
        }
        return decimal.longValueExact();
    }

    private static String mediaTypeField(JsonObject json, String field, String path, boolean required) {
        JsonValue value = json.get(field);
        if (value == null) {
            if (required) {
                throw invalid(path + " is required", path);
            }
            return null;
        }
        if (!(value instanceof JsonString text) || !MEDIA_TYPE.matcher(text.getString()).matches()) {
            throw invalid(path + " must be a media type such as application/vnd.oci.image.manifest.v1+json"
                    + " (type/subtype, at most 255 characters)", path);
        }
        return text.getString();
    }

    /** Annotations: an object of string values, kept as JSON text. */
    private static String annotations(JsonObject json, String path) {
        JsonValue value = json.get("annotations");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object) || object.values().stream().anyMatch(v -> !(v instanceof JsonString))) {
            throw invalid(path + " must be an object of string values", path);
        }
        return object.toString();
    }

    /**
     * Refuses JSON nested deeper than {@value #MAX_DEPTH} before parsing: a parser recursing 1,000 levels deep fails
     * with a stack trace, and no manifest needs more than a handful of levels.
     */
    static void checkDepth(byte[] content) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_DEPTH) {
                    throw invalid("the manifest nests JSON deeper than " + MAX_DEPTH + " levels", "");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static String stripParameters(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static RegistryException invalid(String why, String field) {
        return new RegistryException(RegistryError.MANIFEST_INVALID, "Invalid manifest: " + why + ".",
                field.isEmpty() ? null : field);
    }
}
