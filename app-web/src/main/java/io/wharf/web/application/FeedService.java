package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.FeedImport;
import io.wharf.domain.scan.FeedProgress;
import io.wharf.domain.scan.ImageScanning;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Vulnerability feeds and the malicious-file deny-list, administered by Wharf's system administrators. An import is
 * accepted at once ({@code running}) and works in the background, one at a time on each server, recording its phase
 * and progress: the feed is read as a stream and put aside a batch at a time, then made the stored advisories at once
 * (a broken zip or document changes nothing and the import is {@code refused} with the reason), then the stored images
 * are matched again. Sources: uploaded zips
 * (checked to be complete before they are accepted), directories inside {@code WHARF_FEED_DIR}, and the mirrors of
 * {@code WHARF_FEED_URLS} on a schedule. An import a stopped server left unfinished is refused (nothing was stored) or,
 * when its advisories were stored, has its images matched again at the next start.
 */
@ApplicationScoped
public class FeedService {
    private static final Logger LOG = Logger.getLogger(FeedService.class.getName());
    private static final Pattern HASH_LINE = Pattern.compile(
            "(?:sha256:)?([0-9a-f]{64})\\s+([^\\s\\p{Cc}\\p{Cf}][^\\p{Cc}\\p{Cf}]{0,254})");
    private static final Pattern MAVEN_LINE = Pattern.compile("([0-9a-f]{40})\\s+([A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+:[A-Za-z0-9_.+-]+)");
    /** Progress is written at most this often: a feed of 200,000 advisories must not cost 200,000 updates. */
    private static final long PROGRESS_EVERY_MILLIS = 500;

    @Inject
    Advisories advisories;
    @Inject
    ImageScanning scanning;
    @Inject
    FeedService self;
    @Inject
    ScanService scans;
    @Inject
    WharfSettings settings;
    @Inject
    ClusterNode node;
    /** Held by the node reading and storing a feed; longer than an import takes, short enough to take over. */
    private static final String IMPORT_LEASE = "feed-import-running";
    private static final Duration IMPORT_LEASE_TTL = Duration.ofHours(2);
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    /** Reads a feed, handing each advisory on as it is read and telling its progress; returns how many. */
    private interface Reading {
        long read(FeedProgress progress, Consumer<Advisories.Imported> each) throws IOException;
    }

    /** Advisories put aside per transaction while a feed is read: small enough for short transactions and a flat heap. */
    static final int BATCH = 500;
    /** Staged advisories made stored per transaction once the whole feed is read. */
    static final int PUBLISH_ROUND = 2_000;

    protected FeedService() {
    }

    /** For tests over in-memory ports: its own proxy is itself, and imports run on the given executor. */
    FeedService(Advisories advisories, ImageScanning scanning, ScanService scans, WharfSettings settings,
                ExecutorService executor) {
        this.advisories = advisories;
        this.scanning = scanning;
        this.scans = scans;
        this.settings = settings;
        this.executor = executor;
        this.self = this;
    }

    /** After the schema migration: finishes what a stopped server left, and schedules the mirrors. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 20) Startup started) {
        resumeUnfinished();
        List<String> mirrors = settings.feedUrls();
        if (!mirrors.isEmpty()) {
            long hours = settings.feedIntervalHours();
            scheduler.scheduleWithFixedDelay(() -> node.once("feed-import", Duration.ofHours(hours).minusMinutes(5),
                    Duration.ofHours(2), () -> mirrors.forEach(this::importMirror)), 1, hours * 60, TimeUnit.MINUTES);
        }
    }

    /**
     * An import still reading stored nothing and is refused; one whose advisories were stored re-matches its images.
     * Only when no node of the cluster is importing (this node takes the import lease): a live import is not touched.
     */
    void resumeUnfinished() {
        if (node != null && !node.take(IMPORT_LEASE, null, IMPORT_LEASE_TTL)) {
            return;
        }
        try {
            resumeOrphaned();
        } finally {
            if (node != null) {
                node.end(IMPORT_LEASE, false);
            }
        }
    }

    private void resumeOrphaned() {
        for (FeedImport unfinished : self.unfinished()) {
            if (unfinished.status().equals(FeedImport.RUNNING)) {
                self.refused(unfinished.id(), "The server stopped during this import; nothing was stored. Import it again.");
            } else {
                executor.submit(() -> rematch(unfinished.id()));
            }
        }
    }

    /** One scheduled import, in the scheduler's thread; a failure is recorded as a refused import. */
    void importMirror(String url) {
        FeedImport begun = self.begin(url);
        Path saved;
        try {
            saved = scanning.downloadFeed(URI.create(url));
        } catch (IllegalArgumentException | IOException e) {
            LOG.log(Level.WARNING, "Feed import from " + url + " refused: " + e.getMessage());
            self.refused(begun.id(), String.valueOf(e.getMessage()));
            return;
        }
        run(begun, (progress, each) -> scanning.readFeed(saved, progress, each), saved);
    }

    /**
     * Imports every advisory below a directory of the server, which must lie inside {@code WHARF_FEED_DIR}: an
     * administrator names files there, never anywhere else on the machine.
     */
    public FeedImport importDirectory(Caller caller, String directory) {
        requireAdministrator(caller);
        String named = directory == null ? "" : directory;
        if (named.length() > 255 || named.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw WharfException.invalid("directory", "directory is a path of at most 255 characters inside the feed"
                    + " directory, without control characters.");
        }
        Path chosen;
        Path real;
        try {
            Path root = settings.feedDirectory().toRealPath();
            chosen = root.resolve(named).toAbsolutePath().normalize();
            // The real path too: a symbolic link inside the feed directory must not lead out of it.
            real = Files.isDirectory(chosen) ? chosen.toRealPath() : null;
            if (!chosen.startsWith(root) || real != null && !real.startsWith(root)) {
                throw WharfException.invalid("directory", "directory must lie inside the feed directory"
                        + " (WHARF_FEED_DIR).");
            }
            if (real == null) {
                throw WharfException.invalid("directory", "There is no directory " + named
                        + " in the feed directory (WHARF_FEED_DIR).");
            }
            named = root.relativize(real).toString();
        } catch (java.nio.file.InvalidPathException | IOException unusable) {
            throw WharfException.invalid("directory", "directory is not a directory inside the feed directory"
                    + " (WHARF_FEED_DIR).");
        }
        Path walked = real;
        FeedImport begun = self.begin("dir:" + (named.isEmpty() ? "." : named));
        run(begun, (progress, each) -> scanning.readFeed(walked, progress, each), null);
        return begun;
    }

    /** Accepts an uploaded feed zip once it is whole (a truncated upload is refused here, changing nothing). */
    public FeedImport importZip(Caller caller, String source, InputStream zip) {
        requireAdministrator(caller);
        FeedImport begun = self.begin(source);
        Path saved;
        try {
            saved = scanning.saveFeed(zip);
        } catch (IllegalArgumentException | IOException refused) {
            self.refused(begun.id(), String.valueOf(refused.getMessage()));
            throw WharfException.invalid("body", "The feed was refused and nothing changed: " + refused.getMessage());
        }
        run(begun, (progress, each) -> scanning.readFeed(saved, progress, each), saved);
        return begun;
    }

    /**
     * Reads and stores in the background, a batch at a time, then re-matches; {@code saved} (a temporary copy) is
     * removed afterwards. Whatever ends the work early — a refused document, a zip bomb, the database, the heap — drops
     * what was put aside and records the import refused with why, so the stored advisories never hold half a feed and
     * the next import runs.
     */
    private void run(FeedImport begun, Reading reading, Path saved) {
        executor.submit(() -> {
            oneAtATime.lock();
            boolean leased = awaitImportLease();
            try {
                List<Advisories.Imported> batch = new ArrayList<>(BATCH);
                long read = reading.read(progress(begun.id(), FeedImport.Progress.READING), imported -> {
                    batch.add(imported);
                    if (batch.size() == BATCH) {
                        self.stage(begun.id(), batch);
                        batch.clear();
                    }
                });
                self.stage(begun.id(), batch);
                batch.clear();
                publish(begun.id(), read);
            } catch (IllegalArgumentException | IOException e) {
                LOG.log(Level.WARNING, "Feed import from " + begun.source() + " refused: " + e.getMessage());
                refuseQuietly(begun.id(), String.valueOf(e.getMessage()));
                return;
            } catch (IllegalStateException e) {
                LOG.log(Level.WARNING, "Feed import from " + begun.source() + " failed: " + e.getMessage(), e);
                refuseQuietly(begun.id(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Feed import from " + begun.source() + " failed", e);
                refuseQuietly(begun.id(), "the import failed (" + e.getClass().getSimpleName() + "); see the server log");
                return;
            } catch (OutOfMemoryError e) {
                LOG.log(Level.SEVERE, "Feed import from " + begun.source() + " ran out of memory", e);
                refuseQuietly(begun.id(), "the server ran out of memory during this import; nothing was stored");
                return;
            } catch (Error e) {
                LOG.log(Level.SEVERE, "Feed import from " + begun.source() + " died", e);
                refuseQuietly(begun.id(), "the import stopped (" + e.getClass().getSimpleName() + "); nothing was stored");
                return;
            } finally {
                if (leased) {
                    node.end(IMPORT_LEASE, true);
                }
                oneAtATime.unlock();
                delete(saved);
            }
            rematch(begun.id());
        });
    }

    /**
     * Makes the feed, read whole, the stored advisories a round at a time (each a short transaction). A database that
     * fails between rounds leaves some advisories replaced by their newer documents — each whole and consistent — and
     * the import refused saying how far it got.
     */
    private void publish(long importId, long read) {
        FeedProgress progress = progress(importId, FeedImport.Progress.STORING);
        long published = 0;
        int moved;
        progress.advanced(0, read);
        try {
            while ((moved = self.publishSome(importId, PUBLISH_ROUND)) > 0) {
                published += moved;
                progress.advanced(published, read);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("the database failed after " + published + " of " + read
                    + " advisories were stored (those are whole); import it again", e);
        }
        self.markImported(importId, (int) Math.min(Integer.MAX_VALUE, read));
    }

    /** Records a refusal; when even that fails (the database is down), the log says so and a restart refuses it. */
    private void refuseQuietly(long importId, String message) {
        try {
            self.refused(importId, message);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Feed import " + importId + " could not be recorded as refused; the next start will", e);
        }
    }

    /** One import at a time across the cluster: waits while another node holds the import lease. */
    private boolean awaitImportLease() {
        if (node == null) {
            return false;
        }
        while (!node.take(IMPORT_LEASE, null, IMPORT_LEASE_TTL)) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Matches every stored inventory again against the advisories as they are now, counting the images done. */
    private void rematch(long importId) {
        try {
            long matched = scans.rematchAll(progress(importId, FeedImport.Progress.MATCHING));
            self.progress(importId, new FeedImport.Progress(FeedImport.Progress.DONE, matched, matched));
        } catch (RuntimeException e) {
            // The advisories are stored; the next import (or the next start) matches the images again.
            LOG.log(Level.WARNING, "Re-matching images after feed import " + importId + " failed", e);
        }
    }

    /** Writes progress at most every {@value #PROGRESS_EVERY_MILLIS} ms, and always the end of the phase. */
    private FeedProgress progress(long importId, String phase) {
        long[] written = {0};
        return (done, total) -> {
            long now = System.currentTimeMillis();
            if (done >= total || now - written[0] >= PROGRESS_EVERY_MILLIS) {
                written[0] = now;
                self.progress(importId, new FeedImport.Progress(phase, done, total));
            }
        };
    }

    private static void delete(Path saved) {
        if (saved != null) {
            try {
                Files.deleteIfExists(saved);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "A feed's temporary copy " + saved + " could not be removed", e);
            }
        }
    }

    @UseCase
    public FeedImport begin(String source) {
        return advisories.begin(source, now());
    }

    @UseCase
    public void progress(long importId, FeedImport.Progress progress) {
        advisories.progress(importId, progress);
    }

    @UseCase
    public void stage(long importId, List<Advisories.Imported> batch) {
        advisories.stage(importId, batch);
    }

    @UseCase
    public int publishSome(long importId, int limit) {
        return advisories.publishSome(importId, limit);
    }

    @UseCase
    public FeedImport markImported(long importId, int advisoryCount) {
        return advisories.markImported(importId, advisoryCount, now());
    }

    @UseCase
    public FeedImport refused(long importId, String message) {
        return advisories.refused(importId, message, now());
    }

    @UseCase
    public List<FeedImport> unfinished() {
        return advisories.unfinished();
    }

    @UseCase
    public Page<FeedImport> imports(Caller caller, PageRequest page) {
        requireAdministrator(caller);
        return new Page<>(advisories.imports(page.offset(), page.limit()), advisories.countImports());
    }

    @UseCase
    public FeedImport importById(Caller caller, long importId) {
        requireAdministrator(caller);
        return advisories.importById(importId)
                .orElseThrow(() -> WharfException.notFound(Subject.FEED_IMPORT, "There is no feed import " + importId + "."));
    }

    /** Adds lines of {@code <sha256> <name>} to the deny-list; a line of another form is refused with its number. */
    @UseCase
    public int addMaliciousHashes(Caller caller, String lines) {
        requireAdministrator(caller);
        Map<String, String> hashes = hashLines(lines, HASH_LINE, "<sha256> <name>", "sha256:");
        advisories.addMaliciousHashes(hashes);
        return hashes.size();
    }

    /**
     * Adds lines of {@code <sha1> <group>:<artifact>:<version>} to the Maven index; a line of another form is refused
     * with its number, changing nothing.
     */
    @UseCase
    public int addMavenHashes(Caller caller, String lines) {
        requireAdministrator(caller);
        Map<String, String> hashes = hashLines(lines, MAVEN_LINE, "<sha1> <group>:<artifact>:<version>", "");
        advisories.addMavenHashes(hashes);
        return hashes.size();
    }

    /**
     * Lines of a hash and what it names ({@code line} matches them as two groups), blank and {@code #} lines skipped;
     * the first line of another form refuses them all, naming its number and the {@code form} expected.
     */
    private static Map<String, String> hashLines(String lines, Pattern line, String form, String hashPrefix) {
        Map<String, String> hashes = new HashMap<>();
        String[] all = lines.split("\n");
        for (int i = 0; i < all.length; i++) {
            String text = all[i].strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            var m = line.matcher(text);
            if (!m.matches()) {
                throw WharfException.invalid("body", "Line " + (i + 1) + " is not \"" + form + "\".");
            }
            hashes.put(hashPrefix + m.group(1), m.group(2).strip());
        }
        return hashes;
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators manage vulnerability feeds.");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
