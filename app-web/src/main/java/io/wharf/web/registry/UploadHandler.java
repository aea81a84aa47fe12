package io.wharf.web.registry;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.web.application.PushService;
import io.wharf.web.application.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /v2/<name>/blobs/uploads/}: starting an upload (monolithic with {@code ?digest=}, or a cross-repository mount
 * with {@code ?mount=&from=}), its chunks ({@code PATCH} with {@code Content-Range}), its status, its completion and its
 * cancellation. An upload belongs to the repository path and the user that started it; completing it is the push use
 * case, which creates the repository if needed.
 */
@ApplicationScoped
class UploadHandler {
    private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes[ =])?(\\d+)-(\\d+)(?:/\\S+)?");

    @Inject
    BlobStore store;
    @Inject
    PushService push;
    @Inject
    RegistryRights rights;

    UploadHandler() {
    }

    UploadHandler(BlobStore store, PushService push, RegistryRights rights) {
        this.store = store;
        this.push = push;
        this.rights = rights;
    }

    /** The repository a mount reads from, when {@code from} names one (the dispatcher asks for its pull right too). */
    static RegistryPath mountSource(RegistryCall call) {
        String from = call.parameter("from");
        if (call.parameter("mount") == null || from == null) {
            return null;
        }
        try {
            return RegistryPath.parse(from);
        } catch (WharfException invalid) {
            return null;
        }
    }

    void start(RegistryCall call, Target target) throws IOException {
        RegistryPath source = mountSource(call);
        if (source != null && mounted(call, target, source)) {
            return;
        }
        String id = store.startUpload(owner(target));
        String single = call.parameter("digest");
        if (single != null) {
            complete(call, target, id);
            return;
        }
        call.status(202);
        uploadHeaders(call, target.path(), id, 0);
    }

    /** Cross-repository mount: only from a repository the caller may pull, and only a blob it holds. */
    private boolean mounted(RegistryCall call, Target target, RegistryPath source) throws IOException {
        Digest digest;
        try {
            digest = Digest.parse(call.parameter("mount"));
        } catch (WharfException invalid) {
            return false;
        }
        if (!rights.allowed(target.who(), source).contains(RegistryService.PULL)
                || !push.mount(target.caller(), target.path(), source, digest)) {
            return false;
        }
        call.status(201);
        call.header("Location", "/v2/" + target.path() + "/blobs/" + digest);
        call.header("Docker-Content-Digest", digest.toString());
        call.contentLength(0);
        return true;
    }

    /** GET (status), PATCH (a chunk), PUT (the last chunk and the digest) and DELETE (cancel) of an upload. */
    void upload(RegistryCall call, Target target) throws IOException {
        String id = target.reference();
        BlobStore.Upload upload = store.upload(id).filter(u -> u.owner().equals(owner(target)))
                .orElseThrow(() -> new RegistryException(RegistryError.BLOB_UPLOAD_UNKNOWN,
                        "No upload " + id + " is in progress for " + target.path() + "."));
        switch (call.method()) {
            case "GET" -> {
                call.status(204);
                uploadHeaders(call, target.path(), id, upload.size());
            }
            case "DELETE" -> {
                store.cancelUpload(id);
                call.status(204);
                call.contentLength(0);
            }
            case "PATCH" -> {
                checkChunkStart(call, upload);
                long size = store.append(id, call.body());
                call.status(202);
                uploadHeaders(call, target.path(), id, size);
            }
            default -> {
                checkChunkStart(call, upload);
                complete(call, target, id);
            }
        }
    }

    private void complete(RegistryCall call, Target target, String id) throws IOException {
        String claimed = call.parameter("digest");
        if (claimed == null) {
            throw new RegistryException(RegistryError.DIGEST_INVALID, "Finishing an upload needs ?digest=.", "digest");
        }
        Digest digest = RegistryValues.digest(claimed, RegistryError.DIGEST_INVALID, "digest");
        push.commitUpload(target.caller(), target.path(), id, call.body(), digest);
        call.status(201);
        call.header("Location", "/v2/" + target.path() + "/blobs/" + digest);
        call.header("Docker-Content-Digest", digest.toString());
        call.contentLength(0);
    }

    /** A chunk must start where the upload ends; anything else (a number too long included) is the specification's 416. */
    private static void checkChunkStart(RegistryCall call, BlobStore.Upload upload) {
        String range = call.header("Content-Range");
        if (range == null) {
            return;
        }
        Matcher m = CONTENT_RANGE.matcher(range.strip());
        if (!m.matches() || !startsAt(m.group(1), m.group(2), upload.size())) {
            call.header("Range", "0-" + Math.max(0, upload.size() - 1));
            call.header("Docker-Upload-UUID", upload.id());
            throw new RegistryException(RegistryError.RANGE_INVALID, "The chunk " + RegistryValues.abbreviate(range)
                    + " does not start where the upload ends (" + upload.size() + " bytes received).", "Content-Range");
        }
    }

    private static boolean startsAt(String from, String to, long size) {
        try {
            return Long.parseLong(from) == size && Long.parseLong(to) >= Long.parseLong(from);
        } catch (NumberFormatException tooLong) {
            return false;
        }
    }

    private static String owner(Target target) {
        return target.path() + "\n" + target.caller().userId();
    }

    private static void uploadHeaders(RegistryCall call, RegistryPath path, String id, long size) {
        call.header("Location", "/v2/" + path + "/blobs/uploads/" + id);
        call.header("Range", "0-" + Math.max(0, size - 1));
        call.header("Docker-Upload-UUID", id);
        call.contentLength(0);
    }
}
