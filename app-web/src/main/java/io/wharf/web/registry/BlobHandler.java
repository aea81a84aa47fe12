package io.wharf.web.registry;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.web.application.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /v2/<name>/blobs/<digest>}: a blob the repository may serve, whole or a byte range; and its unlinking. */
@ApplicationScoped
class BlobHandler {
    private static final Pattern BYTE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    /** How long a redirect to the object store stays valid: enough to start the download, too short to share. */
    private static final java.time.Duration DIRECT_URL_VALIDITY = java.time.Duration.ofMinutes(5);

    @Inject
    RegistryService registry;
    @Inject
    BlobStore store;
    /** Counts pulled bytes for the account's usage; absent in tests that build the handler themselves. */
    @Inject
    io.wharf.web.application.UsageService usage;

    BlobHandler() {
    }

    BlobHandler(RegistryService registry, BlobStore store) {
        this.registry = registry;
        this.store = store;
    }

    void get(RegistryCall call, Target target) throws IOException {
        Digest digest = RegistryValues.digest(target.reference(), RegistryError.DIGEST_INVALID, "digest");
        long size = registry.blobSize(target.repository().id(), digest).flatMap(s -> store.size(digest))
                .orElseThrow(() -> new RegistryException(RegistryError.BLOB_UNKNOWN,
                        "The blob " + digest + " is not in " + target.path() + "."));
        if (call.method().equals("GET")) {
            // An object store that hands out presigned URLs serves the bytes itself, as distribution's redirects do:
            // the node checked the right and the digest, and carries nothing.
            java.util.Optional<java.net.URI> direct = store.directUrl(digest, DIRECT_URL_VALIDITY);
            if (direct.isPresent()) {
                call.header("Docker-Content-Digest", digest.toString());
                call.header("Location", direct.get().toString());
                call.status(307);
                call.contentLength(0);
                if (usage != null) {
                    usage.pulled(target.repository().accountId(), size);
                }
                return;
            }
        }
        long from = 0;
        long to = size - 1;
        String range = call.header("Range");
        call.header("Docker-Content-Digest", digest.toString());
        call.header("ETag", "\"" + digest + "\"");
        call.header("Accept-Ranges", "bytes");
        call.header("Cache-Control", "max-age=31536000");
        call.contentType("application/octet-stream");
        call.status(200);
        if (range != null) {
            long[] bounds = byteRange(range, size);
            if (bounds == null) {
                call.header("Content-Range", "bytes */" + size);
                throw new RegistryException(RegistryError.RANGE_INVALID, "The range is not satisfiable.", "Range");
            }
            from = bounds[0];
            to = bounds[1];
            call.status(206);
            call.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        call.contentLength(to - from + 1);
        if (call.method().equals("GET")) {
            try (InputStream in = store.open(digest, from, to - from + 1)) {
                call.copy(in);
            }
            if (usage != null) {
                usage.pulled(target.repository().accountId(), to - from + 1);
            }
        }
    }

    void delete(RegistryCall call, Target target) {
        Digest digest = RegistryValues.digest(target.reference(), RegistryError.DIGEST_INVALID, "digest");
        if (!registry.unlinkBlob(target.repository().id(), digest)) {
            throw new RegistryException(RegistryError.BLOB_UNKNOWN, "The blob " + digest + " is not in " + target.path() + ".");
        }
        call.status(202);
        call.contentLength(0);
    }

    /** {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}; null when it cannot be satisfied. */
    static long[] byteRange(String header, long size) {
        Matcher m = BYTE_RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            long from;
            long to;
            if (m.group(1).isEmpty()) {
                from = Math.max(0, size - Long.parseLong(m.group(2)));
                to = size - 1;
            } else {
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            }
            return from > to || from >= size ? null : new long[]{from, to};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
