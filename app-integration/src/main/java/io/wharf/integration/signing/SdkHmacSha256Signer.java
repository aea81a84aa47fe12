package io.wharf.integration.signing;

import io.wharf.domain.credential.RequestSigner;
import io.wharf.domain.credential.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The official SDK's signature ({@code AKSKSigner}): canonical request = method, canonical URI (each segment
 * URL-encoded, a {@code /} after every segment), canonical query (keys sorted, {@code k=v} joined by {@code &}),
 * canonical headers, signed header list, body hash; string to sign = {@code SDK-HMAC-SHA256\n<date>\n<hex sha256>};
 * signature = hex HMAC-SHA256 keyed with the SK.
 */
@ApplicationScoped
public class SdkHmacSha256Signer implements RequestSigner {
    public static final String ALGORITHM = "SDK-HMAC-SHA256";

    @Override
    public String sign(SignedRequest request, List<String> signedHeaders, String date, String secret) {
        String canonical = String.join("\n", request.method(), canonicalUri(request.rawPath()),
                canonicalQuery(request.query()), canonicalHeaders(request.headers(), signedHeaders),
                String.join(";", signedHeaders), request.bodySha256());
        String toSign = ALGORITHM + "\n" + date + "\n" + sha256Hex(canonical);
        return HexFormat.of().formatHex(hmac(secret, toSign));
    }

    static String canonicalUri(String rawPath) {
        StringBuilder uri = new StringBuilder("/");
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                uri.append(encode(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))).append('/');
            }
        }
        return uri.toString();
    }

    static String canonicalQuery(Map<String, List<String>> query) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        query.forEach((k, v) -> sorted.put(encode(k), v.stream().map(SdkHmacSha256Signer::encode).sorted().toList()));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, values) -> values.forEach(v -> pairs.add(k + "=" + v)));
        return String.join("&", pairs);
    }

    private static String canonicalHeaders(Map<String, String> headers, List<String> signedHeaders) {
        StringBuilder text = new StringBuilder();
        for (String name : signedHeaders) {
            text.append(name).append(':').append(headers.getOrDefault(name, "").strip()).append('\n');
        }
        return text.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
