package io.wharf.integration.signing;

import io.wharf.domain.credential.SignedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SdkHmacSha256SignerTest {
    private final SdkHmacSha256Signer signer = new SdkHmacSha256Signer();
    private final List<String> signed = List.of("host", "x-sdk-date");

    private SignedRequest request(String path, Map<String, List<String>> query, String body) {
        return new SignedRequest("GET", path, query, Map.of("host", "127.0.0.1:9080", "x-sdk-date", "20261123T100000Z"),
                SdkHmacSha256Signer.sha256Hex(body));
    }

    @Test
    void canonicalPartsFollowTheSdk() {
        assertEquals("/v2/manage/namespaces/a%24b/", SdkHmacSha256Signer.canonicalUri("/v2/manage/namespaces/a$b"));
        assertEquals("/v2/manage/namespaces/a%24b/", SdkHmacSha256Signer.canonicalUri("/v2/manage/namespaces/a%24b"));
        assertEquals("/", SdkHmacSha256Signer.canonicalUri("/"));
        assertEquals("filter=namespace%3A%3Ax%7Cmode%3A%3Avisible&namespace=a%20b",
                SdkHmacSha256Signer.canonicalQuery(Map.of("namespace", List.of("a b"),
                        "filter", List.of("namespace::x|mode::visible"))));
    }

    @Test
    void theSignatureIsStableAndCoversPathQueryHeadersBodyAndKey() {
        String base = signer.sign(request("/v2/manage/namespaces", Map.of(), ""), signed, "20261123T100000Z", "SK");
        assertEquals(64, base.length());
        assertEquals(base, signer.sign(request("/v2/manage/namespaces", Map.of(), ""), signed, "20261123T100000Z", "SK"));
        assertNotEquals(base, signer.sign(request("/v2/manage/namespaces/x", Map.of(), ""), signed, "20261123T100000Z", "SK"));
        assertNotEquals(base, signer.sign(request("/v2/manage/namespaces", Map.of("a", List.of("1")), ""), signed,
                "20261123T100000Z", "SK"));
        assertNotEquals(base, signer.sign(request("/v2/manage/namespaces", Map.of(), "{}"), signed, "20261123T100000Z", "SK"));
        assertNotEquals(base, signer.sign(request("/v2/manage/namespaces", Map.of(), ""), signed, "20261123T100000Z", "SK2"));
    }
}
