package io.wharf.web.registry;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.ManifestDraft;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.web.application.PullPolicyService;
import io.wharf.web.application.PushService;
import io.wharf.web.application.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /v2/<name>/manifests/<reference>}: a manifest by tag or digest — read, put (the push use case) or deleted.
 * A reference that is neither a tag nor a digest names no manifest: 404 to read or delete, 400 to put.
 */
@ApplicationScoped
class ManifestHandler {
    static final int MAX_MANIFEST = 4 * 1024 * 1024;

    @Inject
    RegistryService registry;
    @Inject
    PushService push;
    @Inject
    BlobStore store;
    @Inject
    PullPolicyService pullPolicy;

    ManifestHandler() {
    }

    ManifestHandler(RegistryService registry, PushService push, BlobStore store, PullPolicyService pullPolicy) {
        this.registry = registry;
        this.push = push;
        this.store = store;
        this.pullPolicy = pullPolicy;
    }

    private static boolean byDigest(Target target) {
        return Digest.looksLikeDigest(target.reference());
    }

    /** Refuses a reading of a reference no manifest can have. */
    private static void requireReadable(Target target) {
        String reference = target.reference();
        boolean valid = byDigest(target) ? RegistryValues.isDigest(reference) : RegistryValues.TAG.matcher(reference).matches();
        if (!valid) {
            throw new RegistryException(RegistryError.MANIFEST_UNKNOWN, "No manifest " + target.path() + " is named "
                    + RegistryValues.abbreviate(reference) + ": that is neither a tag nor a digest.", "reference");
        }
    }

    void get(RegistryCall call, Target target) throws IOException {
        requireReadable(target);
        String reference = target.reference();
        StoredManifest manifest = registry.manifest(target.repository().id(), reference)
                .orElseThrow(() -> new RegistryException(RegistryError.MANIFEST_UNKNOWN, "The manifest " + target.path()
                        + (byDigest(target) ? "@" : ":") + reference + " does not exist."));
        // The ship decision, before any byte of the image is served (HEAD too: clients resolve a tag with it first).
        pullPolicy.checkPull(target.caller(), target.repository(), manifest, call.sourceIp(), call.requestId());
        call.status(200);
        call.contentType(manifest.mediaType());
        call.header("Docker-Content-Digest", manifest.digest());
        call.header("ETag", "\"" + manifest.digest() + "\"");
        call.contentLength(manifest.size());
        if (call.method().equals("GET")) {
            try (InputStream in = store.open(Digest.parse(manifest.digest()), 0, manifest.size())) {
                call.copy(in);
            }
            registry.countPull(target.repository().id(), reference);
        }
    }

    void put(RegistryCall call, Target target) throws IOException {
        String reference = target.reference();
        Digest expected = null;
        if (byDigest(target)) {
            expected = RegistryValues.digest(reference, RegistryError.DIGEST_INVALID, "reference");
        } else if (!RegistryValues.TAG.matcher(reference).matches()) {
            throw new RegistryException(RegistryError.MANIFEST_INVALID, "Invalid tag " + RegistryValues.abbreviate(reference)
                    + ": up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'.", "reference");
        }
        byte[] content = call.body().readNBytes(MAX_MANIFEST + 1);
        if (content.length > MAX_MANIFEST) {
            throw new RegistryException(RegistryError.MANIFEST_TOO_LARGE, "A manifest may be at most 4 MiB.");
        }
        ManifestDraft draft = ManifestParser.parse(content, call.header("Content-Type"));
        StoredManifest stored = push.putManifest(target.caller(), target.path(), expected == null ? reference : null,
                expected, content, draft);
        call.status(201);
        call.header("Location", "/v2/" + target.path() + "/manifests/" + stored.digest());
        call.header("Docker-Content-Digest", stored.digest());
        if (draft.subject() != null) {
            call.header("OCI-Subject", draft.subject());
        }
        call.contentLength(0);
    }

    void delete(RegistryCall call, Target target) {
        requireReadable(target);
        if (!registry.deleteManifest(target.repository(), target.reference())) {
            throw new RegistryException(RegistryError.MANIFEST_UNKNOWN,
                    "The manifest " + target.path() + ":" + target.reference() + " does not exist.");
        }
        call.status(202);
        call.contentLength(0);
    }
}
