package io.wharf.domain.credential;

import java.util.List;
import java.util.Map;

/**
 * What a request signature covers: method, raw path, query parameters, the headers (names in lower case) and the
 * hex SHA-256 of the body.
 */
public record SignedRequest(String method, String rawPath, Map<String, List<String>> query,
                            Map<String, String> headers, String bodySha256) {
}
