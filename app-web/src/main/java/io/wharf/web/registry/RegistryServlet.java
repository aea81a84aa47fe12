package io.wharf.web.registry;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.RegistryError;
import io.wharf.domain.registry.RegistryException;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.web.application.RegistryService;
import io.wharf.web.application.WharfSettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OCI distribution API (specification 1.1, Docker media types accepted) under {@code /v2/}. The management API's
 * longer mapping {@code /v2/manage/*} wins over this one, so an organization may not be called {@code manage}.
 * Every route checks who calls and what they may do before touching content; content streams between the client and
 * the {@link BlobStore}, never held whole in memory (manifests excepted: at most 4 MiB, parsed to check references).
 */
@WebServlet(urlPatterns = "/v2/*")
public class RegistryServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(RegistryServlet.class.getName());
    static final String SERVICE = "wharf";
    private static final int MAX_MANIFEST = 4 * 1024 * 1024;
    private static final int MAX_CONFIG = 1024 * 1024;
    private static final int MAX_PAGE = 1000;
    private static final String NAME = "(.+?)";
    private static final Pattern UPLOADS = Pattern.compile("/" + NAME + "/blobs/uploads/?");
    private static final Pattern UPLOAD = Pattern.compile("/" + NAME + "/blobs/uploads/([A-Za-z0-9-]+)");
    private static final Pattern BLOB = Pattern.compile("/" + NAME + "/blobs/([^/]+)");
    private static final Pattern MANIFEST = Pattern.compile("/" + NAME + "/manifests/([^/]+)");
    private static final Pattern TAGS = Pattern.compile("/" + NAME + "/tags/list");
    private static final Pattern REFERRERS = Pattern.compile("/" + NAME + "/referrers/([^/]+)");
    private static final Pattern BYTE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes[ =])?(\\d+)-(\\d+)(?:/\\S+)?");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    @Inject
    RegistryAuthenticator authenticator;
    @Inject
    RegistryService registry;
    @Inject
    BlobStore store;
    @Inject
    WharfSettings settings;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Docker-Distribution-API-Version", "registry/2.0");
        try {
            route(request, response);
        } catch (RegistryException e) {
            if (e.error() == RegistryError.UNAUTHORIZED && !response.containsHeader("WWW-Authenticate")) {
                challenge(request, response, null);
            }
            drain(request);
            writeError(response, e.error(), e.getMessage(), e.field());
        } catch (WharfException e) {
            drain(request);
            writeError(response, toRegistryError(e), e.getMessage());
        } catch (UncheckedIOException | IOException e) {
            if (response.isCommitted()) {
                LOG.log(Level.FINE, "Client went away during " + request.getMethod() + " " + request.getRequestURI(), e);
                return;
            }
            LOG.log(Level.WARNING, "Storage failed on " + request.getMethod() + " " + request.getRequestURI(), e);
            writeError(response, RegistryError.UNKNOWN, "The registry could not read or write the content.");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Registry request failed: " + request.getMethod() + " " + request.getRequestURI(), e);
            writeError(response, RegistryError.UNKNOWN, "The registry failed to answer; the error is in its log.");
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        RegistryAuthenticator.Identified who = authenticator.identify(request.getHeader("Authorization"));
        if (path.equals("/")) {
            if (who.anonymous()) {
                throw new RegistryException(RegistryError.UNAUTHORIZED, "Sign in to use the registry.");
            }
            writeJson(response, 200, "{}");
            return;
        }
        if (path.equals("/_catalog")) {
            catalog(request, response, who);
            return;
        }
        Matcher m;
        if ((m = UPLOADS.matcher(path)).matches()) {
            expect(method, "POST");
            startUpload(request, response, who, m.group(1));
        } else if ((m = UPLOAD.matcher(path)).matches()) {
            upload(request, response, who, m.group(1), m.group(2));
        } else if ((m = BLOB.matcher(path)).matches()) {
            blob(request, response, who, m.group(1), digest(m.group(2), RegistryError.DIGEST_INVALID));
        } else if ((m = MANIFEST.matcher(path)).matches()) {
            manifest(request, response, who, m.group(1), m.group(2));
        } else if ((m = TAGS.matcher(path)).matches()) {
            expect(method, "GET");
            tags(request, response, who, m.group(1));
        } else if ((m = REFERRERS.matcher(path)).matches()) {
            expect(method, "GET");
            referrers(request, response, who, m.group(1), digest(m.group(2), RegistryError.DIGEST_INVALID));
        } else {
            throw new RegistryException(RegistryError.NAME_UNKNOWN, "No registry endpoint answers " + path + ".");
        }
    }

    // ---- authorization

    /** An existing repository the caller may take {@code action} on (a push creates one with its content instead). */
    private ImageRepository authorize(HttpServletRequest request, HttpServletResponse response,
                                      RegistryAuthenticator.Identified who, RegistryPath path, String action) {
        permit(request, response, who, path, action);
        return registry.repository(path).orElseThrow(() -> new RegistryException(RegistryError.NAME_UNKNOWN,
                "The repository " + path + " does not exist."));
    }

    /** Refuses unless the caller may take {@code action} on the repository (a bearer token answers without the database). */
    private void permit(HttpServletRequest request, HttpServletResponse response,
                        RegistryAuthenticator.Identified who, RegistryPath path, String action) {
        permit(request, response, who, path, action, null);
    }

    /** {@code mountFrom}: the repository a mount would read, whose pull right the challenge asks for as well. */
    private void permit(HttpServletRequest request, HttpServletResponse response,
                        RegistryAuthenticator.Identified who, RegistryPath path, String action, RegistryPath mountFrom) {
        Set<String> allowed = who.granted() != null
                ? who.granted().getOrDefault(path.toString(), Set.of())
                : registry.allowedActions(who.caller(), path);
        if (!allowed.contains(action)) {
            if (who.anonymous() || who.granted() != null) {
                // Ask for a token with the needed scope; a client that already has one reports the refusal.
                challenge(request, response, "repository:" + path + ":" + scopeOf(action)
                        + (mountFrom == null || mountFrom.equals(path) ? "" : " repository:" + mountFrom + ":pull"));
                throw new RegistryException(RegistryError.UNAUTHORIZED,
                        "Authentication with the " + action + " right on " + path + " is required.");
            }
            if (!allowed.contains(RegistryService.PULL)) {
                throw new RegistryException(RegistryError.NAME_UNKNOWN, "The repository " + path + " does not exist.");
            }
            throw new RegistryException(RegistryError.DENIED, "You may not " + action + " " + path + ".");
        }
    }

    private static String scopeOf(String action) {
        return action.equals(RegistryService.PULL) ? "pull" : "pull," + action;
    }

    private void challenge(HttpServletRequest request, HttpServletResponse response, String scope) {
        String realm = settings.externalUrl() + "/v2/token";
        response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"" + SERVICE + "\""
                + (scope == null ? "" : ",scope=\"" + scope + "\""));
    }

    // ---- blobs and uploads

    private void blob(HttpServletRequest request, HttpServletResponse response, RegistryAuthenticator.Identified who,
                      String name, Digest digest) throws IOException {
        RegistryPath path = RegistryPath.parse(name);
        String method = request.getMethod();
        if (method.equals("DELETE")) {
            ImageRepository repository = authorize(request, response, who, path, RegistryService.DELETE);
            if (!registry.unlinkBlob(repository.id(), digest)) {
                throw new RegistryException(RegistryError.BLOB_UNKNOWN, "The blob " + digest + " is not in " + path + ".");
            }
            response.setStatus(202);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw notAllowed(method);
        }
        ImageRepository repository = authorize(request, response, who, path, RegistryService.PULL);
        long size = registry.blobSize(repository.id(), digest).flatMap(s -> store.size(digest))
                .orElseThrow(() -> new RegistryException(RegistryError.BLOB_UNKNOWN,
                        "The blob " + digest + " is not in " + path + "."));
        long from = 0;
        long to = size - 1;
        String range = request.getHeader("Range");
        response.setHeader("Docker-Content-Digest", digest.toString());
        response.setHeader("ETag", "\"" + digest + "\"");
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "max-age=31536000");
        response.setContentType("application/octet-stream");
        if (range != null) {
            long[] bounds = byteRange(range, size);
            if (bounds == null) {
                response.setHeader("Content-Range", "bytes */" + size);
                throw new RegistryException(RegistryError.RANGE_INVALID, "The range " + range + " is not satisfiable.");
            }
            from = bounds[0];
            to = bounds[1];
            response.setStatus(206);
            response.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        response.setContentLengthLong(to - from + 1);
        if (method.equals("GET")) {
            try (InputStream in = store.open(digest, from, to - from + 1)) {
                copy(in, response.getOutputStream());
            }
        }
    }

    /** {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}; null when it cannot be satisfied. */
    private static long[] byteRange(String header, long size) {
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

    private void startUpload(HttpServletRequest request, HttpServletResponse response,
                             RegistryAuthenticator.Identified who, String name) throws IOException {
        RegistryPath path = RegistryPath.parse(name);
        String mount = request.getParameter("mount");
        String from = request.getParameter("from");
        permit(request, response, who, path, RegistryService.PUSH, mount == null ? null : mountSource(from));
        if (mount != null && from != null && mounted(request, response, who, path, mount, from)) {
            return;
        }
        String id = store.startUpload(path + "\n" + who.caller().userId());
        String single = request.getParameter("digest");
        if (single != null) {
            finishUpload(request, response, who, path, id, single);
            return;
        }
        response.setStatus(202);
        uploadHeaders(response, path, id, 0);
    }

    /** The {@code from} of a mount, when it names a repository at all. */
    private static RegistryPath mountSource(String from) {
        try {
            return from == null ? null : RegistryPath.parse(from);
        } catch (WharfException invalid) {
            return null;
        }
    }

    /** Cross-repository mount: only from a repository the caller may pull, and only a blob it holds. */
    private boolean mounted(HttpServletRequest request, HttpServletResponse response,
                            RegistryAuthenticator.Identified who, RegistryPath path, String mount, String from) {
        Digest digest;
        RegistryPath source;
        try {
            digest = Digest.parse(mount);
            source = RegistryPath.parse(from);
        } catch (WharfException invalid) {
            return false;
        }
        Set<String> allowed = who.granted() != null ? who.granted().getOrDefault(source.toString(), Set.of())
                : registry.allowedActions(who.caller(), source);
        if (!allowed.contains(RegistryService.PULL)) {
            return false;
        }
        Optional<Long> size = registry.repository(source).flatMap(r -> registry.blobSize(r.id(), digest))
                .flatMap(s -> store.size(digest));
        if (size.isEmpty()) {
            return false;
        }
        RegistryService.retryingCreation(() -> registry.linkBlob(who.caller(), path, digest, size.get()));
        response.setStatus(201);
        response.setHeader("Location", "/v2/" + path + "/blobs/" + digest);
        response.setHeader("Docker-Content-Digest", digest.toString());
        return true;
    }

    private void upload(HttpServletRequest request, HttpServletResponse response, RegistryAuthenticator.Identified who,
                        String name, String id) throws IOException {
        RegistryPath path = RegistryPath.parse(name);
        String method = request.getMethod();
        // Chunks and status need only the right: the repository row is needed when the upload completes.
        permit(request, response, who, path, RegistryService.PUSH);
        BlobStore.Upload upload = store.upload(id)
                .filter(u -> u.owner().equals(path + "\n" + who.caller().userId()))
                .orElseThrow(() -> new RegistryException(RegistryError.BLOB_UPLOAD_UNKNOWN,
                        "No upload " + id + " is in progress for " + path + "."));
        switch (method) {
            case "GET" -> {
                response.setStatus(204);
                uploadHeaders(response, path, id, upload.size());
            }
            case "DELETE" -> {
                store.cancelUpload(id);
                response.setStatus(204);
            }
            case "PATCH" -> {
                checkChunkStart(request, response, upload);
                long size = store.append(id, request.getInputStream());
                response.setStatus(202);
                uploadHeaders(response, path, id, size);
            }
            case "PUT" -> {
                checkChunkStart(request, response, upload);
                finishUpload(request, response, who, path, id, request.getParameter("digest"));
            }
            default -> throw notAllowed(method);
        }
    }

    /** A chunk must start where the upload ends; anything else is the specification's 416. */
    private static void checkChunkStart(HttpServletRequest request, HttpServletResponse response, BlobStore.Upload upload) {
        String range = request.getHeader("Content-Range");
        if (range == null) {
            return;
        }
        Matcher m = CONTENT_RANGE.matcher(range.strip());
        if (!m.matches() || !startsAt(m.group(1), m.group(2), upload.size())) {
            response.setHeader("Range", "0-" + Math.max(0, upload.size() - 1));
            response.setHeader("Docker-Upload-UUID", upload.id());
            throw new RegistryException(RegistryError.RANGE_INVALID, "The chunk " + range
                    + " does not start where the upload ends (" + upload.size() + " bytes received).");
        }
    }

    /** Whether {@code from-to} starts at {@code size}; numbers too long for a long cannot. */
    private static boolean startsAt(String from, String to, long size) {
        try {
            return Long.parseLong(from) == size && Long.parseLong(to) >= Long.parseLong(from);
        } catch (NumberFormatException tooLong) {
            return false;
        }
    }

    private void finishUpload(HttpServletRequest request, HttpServletResponse response,
                              RegistryAuthenticator.Identified who, RegistryPath path, String id, String claimed)
            throws IOException {
        if (claimed == null) {
            throw new RegistryException(RegistryError.DIGEST_INVALID, "Finishing an upload needs ?digest=.");
        }
        Digest digest = digest(claimed, RegistryError.DIGEST_INVALID);
        long size;
        try {
            size = store.complete(id, request.getInputStream(), digest);
        } catch (BlobStore.DigestMismatch e) {
            throw new RegistryException(RegistryError.DIGEST_INVALID, e.getMessage());
        }
        long stored = size;
        RegistryService.retryingCreation(() -> registry.linkBlob(who.caller(), path, digest, stored));
        response.setStatus(201);
        response.setHeader("Location", "/v2/" + path + "/blobs/" + digest);
        response.setHeader("Docker-Content-Digest", digest.toString());
        response.setContentLength(0);
    }

    private static void uploadHeaders(HttpServletResponse response, RegistryPath path, String id, long size) {
        response.setHeader("Location", "/v2/" + path + "/blobs/uploads/" + id);
        response.setHeader("Range", "0-" + Math.max(0, size - 1));
        response.setHeader("Docker-Upload-UUID", id);
        response.setContentLength(0);
    }

    // ---- manifests

    private void manifest(HttpServletRequest request, HttpServletResponse response,
                          RegistryAuthenticator.Identified who, String name, String reference) throws IOException {
        RegistryPath path = RegistryPath.parse(name);
        boolean byDigest = Digest.looksLikeDigest(reference);
        boolean valid = byDigest ? isDigest(reference) : TAG.matcher(reference).matches();
        if (!valid && !request.getMethod().equals("PUT")) {
            // No manifest can have such a reference: it is simply not there (PUT is told what is wrong instead).
            throw new RegistryException(RegistryError.MANIFEST_UNKNOWN, "No manifest " + path + " is named "
                    + abbreviate(reference) + ": that is neither a tag nor a digest.", "reference");
        }
        if (byDigest) {
            digest(reference, RegistryError.DIGEST_INVALID);
        } else if (!valid) {
            throw new RegistryException(RegistryError.MANIFEST_INVALID, "Invalid tag " + abbreviate(reference)
                    + ": up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'.", "reference");
        }
        switch (request.getMethod()) {
            case "GET", "HEAD" -> getManifest(request, response, who, path, reference);
            case "PUT" -> putManifest(request, response, who, path, reference, byDigest);
            case "DELETE" -> {
                ImageRepository repository = authorize(request, response, who, path, RegistryService.DELETE);
                if (!registry.deleteManifest(repository, reference)) {
                    throw new RegistryException(RegistryError.MANIFEST_UNKNOWN,
                            "The manifest " + path + ":" + reference + " does not exist.");
                }
                response.setStatus(202);
            }
            default -> throw notAllowed(request.getMethod());
        }
    }

    private void getManifest(HttpServletRequest request, HttpServletResponse response,
                             RegistryAuthenticator.Identified who, RegistryPath path, String reference) throws IOException {
        ImageRepository repository = authorize(request, response, who, path, RegistryService.PULL);
        StoredManifest manifest = registry.manifest(repository.id(), reference)
                .orElseThrow(() -> new RegistryException(RegistryError.MANIFEST_UNKNOWN,
                        "The manifest " + path + (Digest.looksLikeDigest(reference) ? "@" : ":") + reference
                                + " does not exist."));
        Digest digest = Digest.parse(manifest.digest());
        response.setContentType(manifest.mediaType());
        response.setHeader("Docker-Content-Digest", manifest.digest());
        response.setHeader("ETag", "\"" + manifest.digest() + "\"");
        response.setContentLengthLong(manifest.size());
        if (request.getMethod().equals("GET")) {
            try (InputStream in = store.open(digest, 0, manifest.size())) {
                copy(in, response.getOutputStream());
            }
            registry.countPull(repository.id());
        }
    }

    private void putManifest(HttpServletRequest request, HttpServletResponse response,
                             RegistryAuthenticator.Identified who, RegistryPath path, String reference,
                             boolean byDigest) throws IOException {
        permit(request, response, who, path, RegistryService.PUSH);
        byte[] content = request.getInputStream().readNBytes(MAX_MANIFEST + 1);
        if (content.length > MAX_MANIFEST) {
            throw new RegistryException(RegistryError.MANIFEST_TOO_LARGE, "A manifest may be at most 4 MiB.");
        }
        String algorithm = byDigest ? Digest.parse(reference).algorithm() : "sha256";
        ManifestDocument document = ManifestDocument.parse(content, request.getContentType());
        Digest expected = Digest.of(algorithm, content);
        if (byDigest && !expected.toString().equals(reference)) {
            throw new RegistryException(RegistryError.DIGEST_INVALID,
                    "The manifest's digest is " + expected + ", not " + reference + ".", "reference");
        }
        // Everything checkable is checked before anything is written: a refused manifest leaves no file behind.
        registry.checkReferences(path, document.blobs(), document.children());
        // The content is safe on disk before any row names it: a crash leaves at most an unreferenced blob.
        Digest digest = store.put(content, algorithm);
        store.awaitDurable(document.blobs());
        String architectures = document.index() ? String.join(",", document.platforms().stream().distinct().toList())
                : architectureOf(document);
        StoredManifest stored = RegistryService.retryingCreation(() -> registry.putManifest(who.caller(), path,
                byDigest ? null : reference, new StoredManifest(0, 0, digest.toString(), document.mediaType(), content.length,
                        document.imageSize(), document.configDigest(), architectures, document.subject(),
                        document.artifactType(), document.annotations(), null, document.blobs(), document.children()),
                new String(content, StandardCharsets.UTF_8)));
        response.setStatus(201);
        response.setHeader("Location", "/v2/" + path + "/manifests/" + stored.digest());
        response.setHeader("Docker-Content-Digest", stored.digest());
        if (document.subject() != null) {
            response.setHeader("OCI-Subject", document.subject());
        }
        response.setContentLength(0);
    }

    /** The {@code architecture} (and variant) of an image's config, when the config is an image config. */
    private String architectureOf(ManifestDocument document) {
        if (!ManifestDocument.IMAGE_CONFIGS.contains(document.configMediaType())) {
            return "";
        }
        try {
            Digest config = Digest.parse(document.configDigest());
            Optional<Long> size = store.size(config);
            if (size.isEmpty() || size.get() > MAX_CONFIG) {
                return "";
            }
            try (InputStream in = store.open(config, 0, size.get());
                 var reader = Json.createReader(in)) {
                var json = reader.readObject();
                String arch = json.getString("architecture", "");
                return json.containsKey("variant") && !arch.isEmpty() ? arch + "/" + json.getString("variant") : arch;
            }
        } catch (RuntimeException | IOException unreadable) {
            return "";
        }
    }

    // ---- listings

    private void tags(HttpServletRequest request, HttpServletResponse response, RegistryAuthenticator.Identified who,
                      String name) throws IOException {
        RegistryPath path = RegistryPath.parse(name);
        ImageRepository repository = authorize(request, response, who, path, RegistryService.PULL);
        int n = pageSize(request.getParameter("n"));
        List<String> found = registry.tags(repository.id(), request.getParameter("last"), n + 1);
        List<String> page = found.size() > n ? found.subList(0, n) : found;
        if (found.size() > n) {
            next(response, "/v2/" + path + "/tags/list", n, page.get(page.size() - 1));
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        page.forEach(list::add);
        writeJson(response, 200, Json.createObjectBuilder().add("name", path.toString()).add("tags", list).build()
                .toString());
    }

    private void catalog(HttpServletRequest request, HttpServletResponse response,
                         RegistryAuthenticator.Identified who) throws IOException {
        expect(request.getMethod(), "GET");
        if (who.anonymous() || (who.granted() != null && !who.granted().containsKey("registry:catalog"))) {
            challenge(request, response, "registry:catalog:*");
            throw new RegistryException(RegistryError.UNAUTHORIZED, "Sign in to list repositories.");
        }
        int n = pageSize(request.getParameter("n"));
        List<String> found = registry.catalog(who.caller(), request.getParameter("last"), n + 1);
        List<String> page = found.size() > n ? found.subList(0, n) : found;
        if (found.size() > n) {
            next(response, "/v2/_catalog", n, page.get(page.size() - 1));
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        page.forEach(list::add);
        writeJson(response, 200, Json.createObjectBuilder().add("repositories", list).build().toString());
    }

    private void referrers(HttpServletRequest request, HttpServletResponse response,
                           RegistryAuthenticator.Identified who, String name, Digest subject) throws IOException {
        RegistryPath path = RegistryPath.parse(name);
        ImageRepository repository = authorize(request, response, who, path, RegistryService.PULL);
        String artifactType = request.getParameter("artifactType");
        JsonArrayBuilder manifests = Json.createArrayBuilder();
        for (StoredManifest m : registry.referrers(repository.id(), subject, artifactType)) {
            JsonObjectBuilder descriptor = Json.createObjectBuilder().add("mediaType", m.mediaType())
                    .add("digest", m.digest()).add("size", m.size());
            if (m.artifactType() != null) {
                descriptor.add("artifactType", m.artifactType());
            }
            if (m.annotations() != null) {
                descriptor.add("annotations", Json.createReader(new java.io.StringReader(m.annotations())).readObject());
            }
            manifests.add(descriptor);
        }
        if (artifactType != null) {
            response.setHeader("OCI-Filters-Applied", "artifactType");
        }
        response.setContentType(ManifestDocument.OCI_INDEX);
        response.getWriter().write(Json.createObjectBuilder().add("schemaVersion", 2)
                .add("mediaType", ManifestDocument.OCI_INDEX).add("manifests", manifests).build().toString());
    }

    private static int pageSize(String n) {
        if (n == null || n.isBlank()) {
            return MAX_PAGE;
        }
        try {
            int value = Integer.parseInt(n.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw new RegistryException(RegistryError.SIZE_INVALID, "n must be a whole number from 0 to " + MAX_PAGE + ".");
        }
    }

    private static void next(HttpServletResponse response, String base, int n, String last) {
        response.setHeader("Link", "<" + base + "?n=" + n + "&last=" + URLEncoder.encode(last, StandardCharsets.UTF_8)
                + ">; rel=\"next\"");
    }

    // ---- helpers

    private static boolean isDigest(String text) {
        try {
            Digest.parse(text);
            return true;
        } catch (WharfException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 140 ? text.substring(0, 140) + "…" : text;
    }

    private static Digest digest(String text, RegistryError error) {
        try {
            return Digest.parse(text);
        } catch (WharfException e) {
            throw new RegistryException(error, e.getMessage());
        }
    }

    private static void expect(String method, String allowed) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw notAllowed(method);
        }
    }

    private static RegistryException notAllowed(String method) {
        return new RegistryException(RegistryError.UNSUPPORTED, "The method " + method + " is not allowed here.");
    }

    /** Errors of shared use cases (names, rights) in the registry's vocabulary. */
    private static RegistryError toRegistryError(WharfException e) {
        return switch (e.error()) {
            case INVALID_IMAGE_NAME, INVALID_ORGANIZATION_NAME -> RegistryError.NAME_INVALID;
            case AUTHENTICATION_FAILED, NO_CREDENTIALS -> RegistryError.UNAUTHORIZED;
            case FORBIDDEN -> RegistryError.DENIED;
            case REPOSITORY_NOT_FOUND, ORGANIZATION_NOT_FOUND -> RegistryError.NAME_UNKNOWN;
            case TAG_NOT_FOUND -> RegistryError.MANIFEST_UNKNOWN;
            case TOO_MANY_REQUESTS -> RegistryError.TOOMANYREQUESTS;
            case INVALID_PARAMETER -> RegistryError.NAME_INVALID;
            default -> e.error().httpStatus() >= 500 ? RegistryError.UNKNOWN : RegistryError.DENIED;
        };
    }

    /**
     * Reads what is left of a refused request's body (a chunk sent anyway), so that the client sees the answer instead
     * of a connection stuck mid-upload; past 64 MiB the connection is closed instead.
     */
    private static void drain(HttpServletRequest request) {
        if (request.getContentLengthLong() == 0 || request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = 64L * 1024 * 1024;
            for (int n; left > 0 && (n = in.read(buffer)) >= 0; ) {
                left -= n;
            }
        } catch (IOException | IllegalStateException unreadable) {
            // Nothing more to do: the answer goes out and the container closes the connection.
        }
    }

    public static void writeError(HttpServletResponse response, RegistryError error, String message) throws IOException {
        writeError(response, error, message, null);
    }

    /** The specification's error body; {@code detail.field} names what broke the rule, when known. */
    static void writeError(HttpServletResponse response, RegistryError error, String message, String field)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        JsonObjectBuilder detail = Json.createObjectBuilder();
        if (field != null) {
            detail.add("field", field);
        }
        writeJson(response, error.httpStatus(), Json.createObjectBuilder().add("errors", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("code", error.code()).add("message", message)
                        .add("detail", detail))).build().toString());
    }

    private static void writeJson(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }
}
