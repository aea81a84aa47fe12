package io.wharf.domain.credential;

import java.util.List;

/** A request signature scheme: recomputes the signature a client made with its secret key. */
public interface RequestSigner {

    /** The hex signature of the request over {@code signedHeaders}, made with {@code secret} at {@code date}. */
    String sign(SignedRequest request, List<String> signedHeaders, String date, String secret);
}
