package io.wharf.web.application;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.ManifestDraft;
import io.wharf.domain.registry.Manifests;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepositories;
import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AdvisoryLookup;
import io.wharf.domain.scan.FeedProgress;
import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.ImageScanning;
import io.wharf.domain.scan.MaliciousFile;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.domain.scan.ScanReports;
import io.wharf.domain.scan.ScanSummary;
import io.wharf.domain.scan.Vulnerability;
import io.wharf.web.Jsonp;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Image scanning: scans are queued in the database (on push, on request) and served on the managed executor by at
 * most {@code WHARF_SCAN_WORKERS} workers per server, so a push never waits for one; scans a stopped server left
 * running are queued again at start. A scan reads the manifest, config and layers from the blob store as streams,
 * matches against the imported advisories and stores its findings in one transaction. An index is scanned through its
 * per-architecture images, and its findings are theirs together.
 */
@ApplicationScoped
public class ScanService {
    private static final Logger LOG = Logger.getLogger(ScanService.class.getName());
    static final String SBOM_TYPE = "application/vnd.cyclonedx+json";
    private static final String EMPTY_TYPE = "application/vnd.oci.empty.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    @Inject
    ScanReports scans;
    @Inject
    Advisories advisories;
    @Inject
    ImageScanning scanning;
    @Inject
    Manifests manifests;
    @Inject
    BlobStore store;
    @Inject
    WharfSettings settings;
    @Inject
    ImageRepositories repositories;
    @Inject
    ScanService self;
    @Inject
    ClusterNode node;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    java.util.concurrent.ScheduledExecutorService scheduler;

    private final AtomicInteger workers = new AtomicInteger();

    protected ScanService() {
    }

    /** For tests over in-memory ports: its own proxy is itself, and workers run on the given executor. */
    ScanService(ScanReports scans, Advisories advisories, ImageScanning scanning, Manifests manifests, BlobStore store,
                WharfSettings settings, ImageRepositories repositories, ExecutorService executor) {
        this.repositories = repositories;
        this.scans = scans;
        this.advisories = advisories;
        this.scanning = scanning;
        this.manifests = manifests;
        this.store = store;
        this.settings = settings;
        this.executor = executor;
        this.self = this;
        this.node = new ClusterNode("local", null, null);
    }

    /**
     * After the schema migration, and then every half minute: scans a node left running when it died (its lease ran
     * out; this node's own earlier life included) wait again, and the queue is served.
     */
    void resume(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) Startup started) {
        takeOverInterrupted();
        if (scheduler != null) {
            scheduler.scheduleWithFixedDelay(this::takeOverInterrupted, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private void takeOverInterrupted() {
        try {
            int requeued = self.requeueInterrupted();
            if (requeued > 0) {
                LOG.info(() -> requeued + " interrupted image scans queued again");
            }
            wake();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Interrupted scans not looked for (the database may be away)", e);
        }
    }

    /**
     * Scan on push: images and indexes, not artifacts that refer to another manifest (signatures, SBOMs), when the
     * owning account has it on (its own choice, else the operator's {@code WHARF_SCAN_ON_PUSH}).
     */
    public void pushed(StoredManifest manifest) {
        if (manifest.subjectDigest() == null && manifest.artifactType() == null
                && self.requestOnPush(manifest.repositoryId(), manifest.digest())) {
            wake();
        }
    }

    @UseCase
    public boolean requestOnPush(long repositoryId, String digest) {
        boolean on = repositories.byId(repositoryId).flatMap(r -> scans.scanOnPush(r.accountId()))
                .orElse(settings.scanOnPush());
        if (on) {
            scans.request(repositoryId, digest, now());
        }
        return on;
    }

    /** The account's scan-on-push setting as it applies now. */
    @UseCase
    public boolean scanOnPush(io.wharf.domain.account.Caller caller) {
        return scans.scanOnPush(caller.accountId()).orElse(settings.scanOnPush());
    }

    /** An account administrator turns scanning on push on or off for the account's images. */
    @UseCase
    public void setScanOnPush(io.wharf.domain.account.Caller caller, boolean on) {
        if (!caller.accountAdministrator()) {
            throw io.wharf.domain.error.WharfException.forbidden("Only the account's administrators change its scan settings.");
        }
        scans.setScanOnPush(caller.accountId(), on);
    }

    /** Queues images for a scan (the caller has been checked) and wakes the workers. */
    public void requestAll(Map<Long, List<String>> digestsByRepository) {
        digestsByRepository.forEach((repository, digests) -> digests.forEach(d -> self.request(repository, d)));
        wake();
    }

    @UseCase
    public void request(long repositoryId, String digest) {
        scans.request(repositoryId, digest, now());
    }

    @UseCase
    public int requeueInterrupted() {
        return scans.requeueInterrupted(now());
    }

    @UseCase
    public Optional<ScanSummary> claimNext() {
        return scans.claimNext(now(), node.id());
    }

    /** Starts a worker unless as many as allowed run already; a worker serves the queue until it is empty. */
    void wake() {
        while (true) {
            int running = workers.get();
            if (running >= settings.scanWorkers()) {
                return;
            }
            if (workers.compareAndSet(running, running + 1)) {
                executor.submit(this::serve);
                return;
            }
        }
    }

    private void serve() {
        try {
            Optional<ScanSummary> next;
            while ((next = self.claimNext()).isPresent()) {
                scan(next.get());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The image scan worker stopped", e);
        } finally {
            workers.decrementAndGet();
        }
    }

    private void scan(ScanSummary queued) {
        try {
            Optional<StoredManifest> manifest = self.manifest(queued.repositoryId(), queued.digest());
            if (manifest.isEmpty()) {
                self.fail(queued.id(), "failed_to_query_basic_image_information", false);
                return;
            }
            if (manifest.get().imageSize() > settings.scanMaxImageBytes()) {
                self.fail(queued.id(), "image_oversized", false);
                return;
            }
            Optional<ScanFindings> findings = manifest.get().children().isEmpty() ? findings(manifest.get())
                    : indexFindings(manifest.get());
            if (findings.isEmpty()) {
                self.fail(queued.id(), "unknown_error", false);
                return;
            }
            self.complete(queued.id(), findings.get());
            attachSbom(manifest.get(), findings.get());
        } catch (IllegalArgumentException notAnImage) {
            LOG.info(() -> "Scan of " + queued.digest() + " refused its content: " + notAnImage.getMessage());
            self.fail(queued.id(), "failed_to_scan_file", true);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Scan of " + queued.digest() + " could not read its content", e);
            self.fail(queued.id(), "download_failed", true);
        } catch (RuntimeException | LinkageError e) {
            // Whatever stops one scan ends that scan as failed; the worker goes on with the next.
            LOG.log(Level.WARNING, "Scan of " + queued.digest() + " failed", e);
            self.fail(queued.id(), "unknown_error", true);
        }
    }

    /** An image's findings; empty when the manifest is not an image (its config is not an image config). */
    private Optional<ScanFindings> findings(StoredManifest manifest) throws IOException {
        JsonObject json = readJson(Digest.parse(manifest.digest()), manifest.size());
        JsonObject config = json.containsKey("config") && json.get("config").getValueType() == JsonValue.ValueType.OBJECT
                ? json.getJsonObject("config") : JsonValue.EMPTY_JSON_OBJECT;
        if (!ManifestDraft.IMAGE_CONFIGS.contains(config.getString("mediaType", ""))) {
            return Optional.empty();
        }
        Digest configDigest = descriptorDigest(config);
        byte[] configBytes;
        try (InputStream in = store.open(configDigest, 0, store.size(configDigest).orElseThrow(() ->
                new IOException("the config blob is missing")))) {
            configBytes = in.readNBytes(16 * 1024 * 1024);
        }
        List<ImageScanning.Layer> layers = new ArrayList<>();
        JsonValue listed = json.getOrDefault("layers", JsonValue.EMPTY_JSON_ARRAY);
        if (listed.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("the manifest's layers are not a list");
        }
        for (JsonValue layer : listed.asJsonArray()) {
            if (layer.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("a layer of the manifest is not a descriptor");
            }
            layers.add(new BlobLayer(descriptorDigest(layer.asJsonObject()), store));
        }
        return Optional.of(scanning.scan(configBytes, layers, advisoryLookup(), self.denyList()));
    }

    /** An index's findings: those of its per-architecture images together, each listed once. */
    private Optional<ScanFindings> indexFindings(StoredManifest index) throws IOException {
        String os = "";
        Map<String, Component> components = new LinkedHashMap<>();
        Map<String, Vulnerability> vulnerabilities = new LinkedHashMap<>();
        Map<String, MaliciousFile> malicious = new LinkedHashMap<>();
        Map<String, RiskCheck> checks = new LinkedHashMap<>();
        Map<String, String> layers = new HashMap<>();
        Map<String, List<String>> dependencies = new HashMap<>();
        boolean any = false;
        for (String child : index.children().stream().distinct().toList()) {
            Optional<StoredManifest> manifest = self.manifest(index.repositoryId(), child);
            Optional<ScanFindings> found = manifest.isEmpty() ? Optional.empty() : findings(manifest.get());
            if (found.isEmpty()) {
                continue;
            }
            any = true;
            ScanFindings f = found.get();
            os = os.isEmpty() ? f.os() : os;
            f.components().forEach(c -> components.putIfAbsent(c.ecosystem() + c.name() + c.version() + c.location(), c));
            f.vulnerabilities().forEach(v -> vulnerabilities.putIfAbsent(v.vulId() + v.packageName() + v.version(), v));
            f.maliciousFiles().forEach(m -> malicious.putIfAbsent(m.sha256() + m.path(), m));
            // A rule fails for the index when it fails for any of its images.
            f.riskChecks().forEach(r -> checks.merge(r.ruleId(), r, (a, b) -> a.passed() ? b : a));
            f.layers().forEach(layers::putIfAbsent);
            f.dependencies().forEach(dependencies::putIfAbsent);
        }
        return any ? Optional.of(new ScanFindings(os, List.copyOf(components.values()), List.copyOf(vulnerabilities.values()),
                List.copyOf(malicious.values()), List.copyOf(checks.values()), layers, dependencies)) : Optional.empty();
    }

    /**
     * Attaches the inventory to the image as an OCI referrer: an artifact manifest ({@code artifactType}
     * {@code application/vnd.cyclonedx+json}, empty config) whose {@code subject} is the image, so that
     * {@code GET /v2/<name>/referrers/<digest>} and tools that follow referrers find it. An earlier scan's SBOM of the
     * image is replaced; the same inventory gives the same digest.
     */
    private void attachSbom(StoredManifest image, ScanFindings findings) throws IOException {
        String name = self.repositoryPath(image.repositoryId()).orElse(image.digest());
        byte[] sbom = scanning.sbom(name, image.digest(), findings).getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        Digest sbomDigest = store.put(sbom, "sha256");
        Digest emptyDigest = store.put(empty, "sha256");
        byte[] manifest = Jsonp.PROVIDER.createObjectBuilder().add("schemaVersion", 2)
                .add("mediaType", OCI_MANIFEST).add("artifactType", SBOM_TYPE)
                .add("config", descriptor(EMPTY_TYPE, emptyDigest, empty.length))
                .add("layers", Jsonp.PROVIDER.createArrayBuilder().add(descriptor(SBOM_TYPE, sbomDigest, sbom.length)))
                .add("subject", descriptor(image.mediaType(), Digest.parse(image.digest()), image.size()))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        Digest manifestDigest = store.put(manifest, "sha256");
        store.awaitDurable(List.of(sbomDigest.toString(), emptyDigest.toString(), manifestDigest.toString()));
        self.recordSbom(image, manifestDigest, manifest.length, sbomDigest, sbom.length, emptyDigest);
    }

    private static jakarta.json.JsonObjectBuilder descriptor(String mediaType, Digest digest, long size) {
        return Jsonp.PROVIDER.createObjectBuilder().add("mediaType", mediaType).add("digest", digest.toString())
                .add("size", size);
    }

    @UseCase
    public Optional<String> repositoryPath(long repositoryId) {
        return repositories.byId(repositoryId).map(r -> r.path());
    }

    @UseCase
    public void recordSbom(StoredManifest image, Digest manifest, int size, Digest sbom, long sbomSize, Digest empty) {
        Instant now = now();
        manifests.link(image.repositoryId(), sbom.toString(), sbomSize, now);
        manifests.link(image.repositoryId(), empty.toString(), 2, now);
        manifests.referrers(image.repositoryId(), image.digest(), SBOM_TYPE).stream()
                .filter(old -> !old.digest().equals(manifest.toString())).forEach(manifests::remove);
        manifests.add(new StoredManifest(0, image.repositoryId(), manifest.toString(), OCI_MANIFEST, size,
                sbomSize, empty.toString(), "", image.digest(), SBOM_TYPE, null, now,
                List.of(empty.toString(), sbom.toString()), List.of()));
    }

    /** A descriptor's digest; one a registry stored but that names nothing readable is the image's fault, not Wharf's. */
    private static Digest descriptorDigest(JsonObject descriptor) {
        try {
            return Digest.parse(descriptor.getString("digest", ""));
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("a descriptor of the manifest has no valid digest");
        }
    }

    private JsonObject readJson(Digest digest, long size) throws IOException {
        try (InputStream in = store.open(digest, 0, size)) {
            return Jsonp.PROVIDER.createReader(new ByteArrayInputStream(in.readAllBytes())).readObject();
        }
    }

    /**
     * After a feed import: every stored inventory is matched again against the advisories as they are now, without
     * reading any layer, a hundred scans per step, telling {@code progress} the images done; returns how many.
     */
    public long rematchAll(FeedProgress progress) {
        // One lookup for the whole run: the advisories do not change while it goes, so each is read and parsed once.
        AdvisoryLookup lookup = advisoryLookup();
        long total = self.countSucceeded();
        long after = 0;
        long matched = 0;
        List<Long> ids;
        progress.advanced(0, total);
        while (!(ids = self.succeededAfter(after)).isEmpty()) {
            for (long id : ids) {
                self.rematch(id, lookup);
                matched++;
            }
            after = ids.get(ids.size() - 1);
            progress.advanced(matched, Math.max(total, matched));
        }
        long done = matched;
        LOG.info(() -> done + " image inventories matched again after a feed import");
        return matched;
    }

    @UseCase
    public long countSucceeded() {
        return scans.countSucceeded();
    }

    @UseCase
    public List<Long> succeededAfter(long afterId) {
        return scans.succeededAfter(afterId, 100);
    }

    @UseCase
    public void rematch(long scanId, AdvisoryLookup lookup) {
        List<Vulnerability> now = scanning.match(scans.components(scanId), lookup);
        List<Vulnerability> before = scans.vulnerabilities(scanId);
        // A feed leaves most images as they were: what did not change is not written again.
        if (now.size() != before.size() || !new java.util.HashSet<>(now).equals(new java.util.HashSet<>(before))) {
            scans.replaceVulnerabilities(scanId, now);
        }
    }

    /** The imported advisories naming a package, each package's read and parsed once per lookup. */
    private AdvisoryLookup advisoryLookup() {
        Map<String, List<Advisory>> cache = new HashMap<>();
        Map<String, Optional<Advisory>> byId = new HashMap<>();
        return new AdvisoryLookup() {
            @Override
            public List<Advisory> affecting(String ecosystem, String name) {
                return cache.computeIfAbsent(ecosystem + "\n" + name,
                        key -> self.documents(ecosystem, name).stream().map(scanning::readAdvisory).toList());
            }

            @Override
            public Optional<String> mavenCoordinates(String sha1) {
                return Optional.ofNullable(self.mavenCoordinates(List.of(sha1)).get(sha1));
            }

            @Override
            public Optional<Advisory> byId(String advisoryId) {
                return byId.computeIfAbsent(advisoryId, id -> self.document(id)
                        .or(() -> self.documentsAliasing(id).stream().findFirst()).map(scanning::readAdvisory));
            }
        };
    }

    @UseCase
    public Optional<String> document(String advisoryId) {
        return advisories.document(advisoryId);
    }

    @UseCase
    public Map<String, String> mavenCoordinates(List<String> sha1s) {
        return advisories.mavenCoordinates(sha1s);
    }

    @UseCase
    public List<String> documentsAliasing(String alias) {
        return advisories.documentsAliasing(alias);
    }

    @UseCase
    public Optional<StoredManifest> manifest(long repositoryId, String digest) {
        return manifests.byDigest(repositoryId, digest);
    }

    @UseCase
    public List<String> documents(String ecosystem, String name) {
        return advisories.documentsAffecting(ecosystem, name);
    }

    @UseCase
    public Map<String, String> denyList() {
        return advisories.maliciousHashes();
    }

    @UseCase
    public void complete(long scanId, ScanFindings findings) {
        scans.complete(scanId, findings, now());
    }

    @UseCase
    public void fail(long scanId, String failedDesc, boolean scannable) {
        scans.fail(scanId, failedDesc, scannable, now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A layer read from the blob store when the scan reaches it. */
    private record BlobLayer(Digest blob, BlobStore store) implements ImageScanning.Layer {
        @Override
        public String digest() {
            return blob.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return store.open(blob, 0, store.size(blob).orElseThrow(() -> new IOException("layer " + blob + " is missing")));
        }
    }
}
