package io.wharf.web.registry;

import io.wharf.domain.registry.ManifestDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestParserTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha512:" + "b".repeat(128);

    private static String image(String config, String layers, String extra) {
        return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":" + config
                + ",\"layers\":" + layers + extra + "}";
    }

    private static String descriptor(String digest, String size) {
        return "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }

    private static RegistryException refused(String json) {
        return assertThrows(RegistryException.class,
                () -> ManifestParser.parse(json.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void aValidImageWithSha512LayersIsRead() {
        ManifestDraft doc = ManifestParser.parse(image(descriptor(A, "10"), "[" + descriptor(B, "20") + "]", "")
                .getBytes(StandardCharsets.UTF_8), null);
        assertEquals(30, doc.imageSize());
        assertEquals(java.util.List.of(A, B), doc.blobs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.5|layers[0].size", "1e30|layers[0].size", "-1|layers[0].size", "\"12\"|layers[0].size",
            "9223372036854775808|layers[0].size"})
    void aSizeThatIsNotAWholeByteCountIsSizeInvalid(String size, String field) {
        RegistryException e = refused(image(descriptor(A, "1"), "[" + descriptor(A, size) + "]", ""));
        assertEquals(RegistryError.SIZE_INVALID, e.error());
        assertEquals(field, e.field());
    }

    @Test
    void aMalformedDigestIsDigestInvalidNamingTheField() {
        RegistryException e = refused(image(descriptor(A, "1"), "[" + descriptor("sha256:xyz", "1") + "]", ""));
        assertEquals(RegistryError.DIGEST_INVALID, e.error());
        assertEquals("layers[0].digest", e.field());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ",\"subject\":\"sha256:abc\"|subject",
            ",\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"size\":1}|subject.digest",
            ",\"annotations\":[1,2]|annotations",
            ",\"annotations\":{\"a\":1}|annotations",
            ",\"artifactType\":7|artifactType"})
    void fieldsOfTheWrongTypeAreManifestInvalid(String extra, String field) {
        RegistryException e = refused(image(descriptor(A, "1"), "[]", extra));
        assertEquals(RegistryError.MANIFEST_INVALID, e.error());
        assertEquals(field, e.field());
    }

    @Test
    void aMediaTypeLongerThan255IsRefused() {
        RegistryException e = refused(image(descriptor(A, "1"), "[]", ",\"artifactType\":\"application/" + "x".repeat(300) + "\""));
        assertEquals("artifactType", e.field());
    }

    @Test
    void longAnnotationsAreKept() {
        String value = "v".repeat(100_000);
        ManifestDraft doc = ManifestParser.parse(image(descriptor(A, "1"), "[]", ",\"annotations\":{\"k\":\"" + value + "\"}")
                .getBytes(StandardCharsets.UTF_8), null);
        assertTrue(doc.annotations().contains(value));
    }

    @Test
    void deepNestingIsRefusedBeforeParsing() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        RegistryException e = refused(image(descriptor(A, "1"), "[]", ",\"annotations\":{\"k\":" + deep + "}"));
        assertEquals(RegistryError.MANIFEST_INVALID, e.error());
        assertTrue(e.getMessage().contains("deeper"), e.getMessage());
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        ManifestParser.checkDepth(("{\"a\":\"" + "[".repeat(1000) + "\\\"\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIndexWithSixtyPlatformsIsRead() {
        StringBuilder manifests = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            manifests.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"")
                    .append(A).append("\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"arch").append(i).append("\"}}");
        }
        ManifestDraft doc = ManifestParser.parse(("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[" + manifests + "]}").getBytes(StandardCharsets.UTF_8), null);
        assertEquals(60, doc.platforms().size());
    }

    @Test
    void notAnObjectOrNotJsonIsManifestInvalid() {
        assertEquals(RegistryError.MANIFEST_INVALID, refused("[1]").error());
        assertEquals(RegistryError.MANIFEST_INVALID, refused("{\"schemaVersion\":2").error());
        assertEquals(RegistryError.MANIFEST_INVALID, refused("{\"schemaVersion\":2.5}").error());
    }
}
