package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.FeedImport;
import io.wharf.domain.scan.ImageScanning;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Vulnerability feeds and the malicious-file deny-list, administered by Wharf's system administrators. A feed is read
 * whole before anything is stored, then stored in one transaction: a broken zip or document changes nothing and is
 * recorded as a refused import with the reason. Imports run one at a time on each server: uploaded zips, directories
 * inside {@code WHARF_FEED_DIR}, and the mirrors of {@code WHARF_FEED_URLS} on a schedule.
 */
@ApplicationScoped
public class FeedService {
    private static final Logger LOG = Logger.getLogger(FeedService.class.getName());
    private static final Pattern HASH_LINE = Pattern.compile("(?:sha256:)?([0-9a-f]{64})\\s+(\\S.{0,254})");

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
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    /** Mirrors named by {@code WHARF_FEED_URLS} are imported a minute after start, then every interval. */
    void schedule(@Observes @Initialized(ApplicationScoped.class) Object started) {
        List<String> mirrors = settings.feedUrls();
        if (!mirrors.isEmpty()) {
            long hours = settings.feedIntervalHours();
            scheduler.scheduleWithFixedDelay(() -> mirrors.forEach(this::importMirror), 1, hours * 60, TimeUnit.MINUTES);
        }
    }

    /** One scheduled import; a failure is recorded as a refused import and the next run tries again. */
    synchronized void importMirror(String url) {
        Instant started = now();
        try {
            List<Advisories.Imported> read = scanning.readFeed(URI.create(url));
            self.store(url, read, started);
            scans.rematchAll();
        } catch (IllegalArgumentException | IOException e) {
            LOG.log(Level.WARNING, "Feed import from " + url + " refused: " + e.getMessage());
            self.refused(url, e.getMessage() == null ? e.toString() : e.getMessage(), started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Feed import from " + url + " failed", e);
            self.refused(url, "unexpected failure; see the server log", started);
        }
    }

    /**
     * Imports every advisory below a directory of the server, which must lie inside {@code WHARF_FEED_DIR}: an
     * administrator names files there, never anywhere else on the machine.
     */
    public synchronized FeedImport importDirectory(Caller caller, String directory) {
        requireAdministrator(caller);
        Path root = settings.feedDirectory();
        Path chosen = root.resolve(directory == null ? "" : directory).toAbsolutePath().normalize();
        if (!chosen.startsWith(root)) {
            throw WharfException.invalid("directory", "directory must lie inside " + root + ".");
        }
        Instant started = now();
        List<Advisories.Imported> read;
        try {
            read = scanning.readFeedDirectory(chosen);
        } catch (IllegalArgumentException | IOException refused) {
            self.refused("dir:" + chosen, String.valueOf(refused.getMessage()), started);
            throw WharfException.invalid("directory", "The feed was refused and nothing changed: " + refused.getMessage());
        }
        FeedImport done = self.store("dir:" + chosen, read, started);
        scans.rematchAll();
        return done;
    }

    public synchronized FeedImport importZip(Caller caller, String source, InputStream zip) {
        requireAdministrator(caller);
        Instant started = now();
        List<Advisories.Imported> read;
        try {
            read = scanning.readFeed(zip);
        } catch (IllegalArgumentException | IOException refused) {
            self.refused(source, refused.getMessage(), started);
            throw WharfException.invalid("body", "The feed was refused and nothing changed: " + refused.getMessage());
        }
        FeedImport done = self.store(source, read, started);
        scans.rematchAll();
        return done;
    }

    @UseCase
    public FeedImport store(String source, List<Advisories.Imported> read, Instant started) {
        return advisories.store(source, read, started, now());
    }

    @UseCase
    public FeedImport refused(String source, String message, Instant started) {
        return advisories.refused(source, message, started, now());
    }

    @UseCase
    public Page<FeedImport> imports(Caller caller, PageRequest page) {
        requireAdministrator(caller);
        return new Page<>(advisories.imports(page.offset(), page.limit()), advisories.countImports());
    }

    /** Adds lines of {@code <sha256> <name>} to the deny-list; a line of another form is refused with its number. */
    @UseCase
    public int addMaliciousHashes(Caller caller, String lines) {
        requireAdministrator(caller);
        Map<String, String> hashes = new HashMap<>();
        String[] all = lines.split("\n");
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var m = HASH_LINE.matcher(line);
            if (!m.matches()) {
                throw WharfException.invalid("body", "Line " + (i + 1) + " is not \"<sha256> <name>\".");
            }
            hashes.put("sha256:" + m.group(1), m.group(2).strip());
        }
        advisories.addMaliciousHashes(hashes);
        return hashes.size();
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
