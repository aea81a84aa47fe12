package io.wharf.web.application;

import io.wharf.web.Jsonp;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.account.Caller;
import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.ManifestDraft;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one use case that changes a repository's content, as distribution's {@code blobwriter.Commit} does it: validate,
 * store, (for a manifest) wait until everything it names is durable, then link it — the last step one transaction in {@link RegistryService},
 * where a push also creates the repository it needs. Nothing a refused push sent is linked, and a manifest is refused
 * before its content is written at all. Streaming stays outside the transaction (a slow client holds no connection).
 */
@ApplicationScoped
public class PushService {
    private static final int MAX_CONFIG = 1024 * 1024;

    @Inject
    BlobStore store;
    @Inject
    RegistryService registry;
    @Inject
    PushedImages pushed;

    protected PushService() {
    }

    /** For tests over in-memory ports. */
    public PushService(BlobStore store, RegistryService registry, PushedImages pushed) {
        this.store = store;
        this.registry = registry;
        this.pushed = pushed;
    }

    /** Completes an upload with its last chunk, verifies the digest of the whole and links the blob. */
    public long commitUpload(Caller caller, RegistryPath path, String uploadId, InputStream lastChunk, Digest digest)
            throws IOException {
        long size;
        try {
            size = store.complete(uploadId, lastChunk, digest);
        } catch (BlobStore.DigestMismatch e) {
            throw WharfException.invalid("digest", e.getMessage());
        }
        // The store flushes the blob in the background, overlapping the client's next transfer; a manifest naming it
        // waits for that flush (putManifest), so a tag never names content that is not on disk.
        registry.linkBlob(caller, path, digest, size);
        return size;
    }

    /** Links a blob another repository holds (the caller may pull it: the edge checked); false when it has none. */
    public boolean mount(Caller caller, RegistryPath path, RegistryPath source, Digest digest) throws IOException {
        Optional<Long> size = registry.repository(source).flatMap(r -> registry.blobSize(r.id(), digest))
                .flatMap(s -> store.size(digest));
        if (size.isEmpty()) {
            return false;
        }
        registry.linkBlob(caller, path, digest, size.get());
        return true;
    }

    /**
     * Stores a manifest under its digest, and under {@code tag} when given. {@code expected}: the digest the client
     * put it by, which the content must have.
     */
    public StoredManifest putManifest(Caller caller, RegistryPath path, String tag, Digest expected, byte[] content,
                                      ManifestDraft draft) throws IOException {
        Digest digest = Digest.of(expected == null ? "sha256" : expected.algorithm(), content);
        if (expected != null && !digest.equals(expected)) {
            throw WharfException.invalid("reference",
                    "The manifest's digest is " + digest + ", not " + expected + ".");
        }
        registry.checkReferences(path, draft);
        // The content is safe on disk before any row names it: a crash leaves at most an unreferenced blob.
        store.put(content, digest.algorithm());
        store.awaitDurable(draft.blobs());
        String architectures = draft.index() ? String.join(",", draft.platforms().stream().distinct().toList())
                : architectureOf(draft);
        StoredManifest stored = registry.recordManifest(caller, path, digest, content.length, draft, architectures);
        if (tag != null) {
            // Its own transaction after the manifest's: a crash in between leaves an untagged manifest, a state a
            // push by digest makes anyway, and the client's retry moves the tag. One transaction deadlocks: writing
            // the manifest's rows share-locks the repository's row (their foreign key), and two pushes holding that
            // cannot both take it exclusively to move their tags (seen under the load benchmark).
            registry.moveTag(caller, path, tag, stored, new String(content, StandardCharsets.UTF_8));
        }
        pushed.pushed(caller, path, tag, stored);
        return stored;
    }

    /** The {@code architecture} (and variant) of an image's config, when the config is an image config. */
    private String architectureOf(ManifestDraft draft) {
        if (!ManifestDraft.IMAGE_CONFIGS.contains(draft.configMediaType())) {
            return "";
        }
        try {
            Digest config = Digest.parse(draft.configDigest());
            Optional<Long> size = store.size(config);
            if (size.isEmpty() || size.get() > MAX_CONFIG) {
                return "";
            }
            try (InputStream in = store.open(config, 0, size.get()); var reader = Jsonp.PROVIDER.createReader(in)) {
                JsonObject json = reader.readObject();
                String arch = json.getString("architecture", "");
                return json.containsKey("variant") && !arch.isEmpty() ? arch + "/" + json.getString("variant") : arch;
            }
        } catch (RuntimeException | IOException unreadable) {
            return "";
        }
    }
}
