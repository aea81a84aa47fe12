package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.backup.DatabaseBackup;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.web.Jsonp;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Backups while Wharf serves, by its administrators: a directory under {@code WHARF_BACKUP_DIR} holding the database
 * (one consistent snapshot), then every blob (immutable and named by digest, so copied after the snapshot they cover
 * it); no garbage collection runs meanwhile, so no blob the snapshot names can go. The secret key that seals the
 * stored secrets goes in only when the administrator asks for it (a backup holding both is as good as the secrets in
 * clear; the answer says so); otherwise it is kept apart, as {@code WHARF_SECRET_KEY} or a copy of the data directory's
 * {@code secret.key}. One backup runs at a time per server, and after each the oldest beyond {@code WHARF_BACKUP_KEEP}
 * are removed. Its progress is in the directory's {@code backup.json}, which the API and the console read.
 * {@code WHARF_RESTORE_FROM} brings a backup back into an empty Wharf ({@link BackupRestore}).
 */
@ApplicationScoped
public class BackupService {
    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());
    static final String STATUS = "backup.json";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'wharf-backup-'yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Inject
    DatabaseBackup database;
    @Inject
    BlobStore store;
    @Inject
    GarbageCollector collector;
    @Inject
    WharfSettings settings;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
    static final String KEY_WARNING = "This backup holds secret.key beside the secrets it seals: keep it as you would"
            + " the secrets themselves.";
    static final String KEY_APART = "The secret key is not in this backup: restore it with the key kept apart"
            + " (WHARF_SECRET_KEY, or the data directory's secret.key copied into the backup directory).";

    /**
     * A backup as its status file tells it: {@code blobs} and {@code bytes} it holds; {@code reused} of those blobs
     * were linked from the previous backup instead of copied (the bytes written are the others').
     */
    public record Backup(String name, String path, String state, String phase, long done, long total, long rows,
                         long blobs, long bytes, String message, Instant startedAt, Instant finishedAt, long reused) {
        public static final String RUNNING = "running";
        public static final String DONE = "done";
        public static final String FAILED = "failed";
    }

    /**
     * Starts a backup, with the secret key only when {@code withKey}; it works in the background and its directory
     * tells how far it has got. A second one while one runs is refused (busy).
     */
    public Backup start(Caller caller, boolean withKey) throws IOException {
        requireAdministrator(caller);
        if (!running.compareAndSet(false, true)) {
            throw WharfException.busy(io.wharf.domain.error.Subject.BACKUP,
                    "A backup is running; one runs at a time. Follow it in the list of backups.");
        }
        try {
            Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Path directory = settings.backupDirectory().resolve(NAME.format(started));
            if (Files.exists(directory)) {
                throw WharfException.busy(io.wharf.domain.error.Subject.BACKUP,
                        "A backup started this second already; try again in a moment.");
            }
            Files.createDirectories(directory);
            Backup begun = new Backup(directory.getFileName().toString(), directory.toString(), Backup.RUNNING, "waiting",
                    0, 0, 0, 0, 0, withKey ? KEY_WARNING : "", started, null, 0);
            write(directory, begun);
            executor.submit(() -> run(directory, begun, withKey));
            return begun;
        } catch (IOException | RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    private void run(Path directory, Backup begun, boolean withKey) {
        try {
            runOnce(directory, begun, withKey);
            pruneOldBackups();
        } finally {
            running.set(false);
        }
    }

    /** The oldest backups beyond the number kept go; a running one never does. */
    private void pruneOldBackups() {
        try (Stream<Path> dirs = Files.list(settings.backupDirectory())) {
            List<Path> finished = dirs.filter(d -> Files.exists(d.resolve(STATUS)))
                    .filter(d -> {
                        try {
                            return !read(d).state().equals(Backup.RUNNING);
                        } catch (IOException | RuntimeException unreadable) {
                            return false;
                        }
                    }).sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed()).toList();
            for (Path old : finished.stream().skip(settings.backupsKept()).toList()) {
                try (Stream<Path> files = Files.walk(old)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
                LOG.info(() -> "Removed backup " + old + " (WHARF_BACKUP_KEEP=" + settings.backupsKept() + ")");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Old backups could not be removed", e);
        }
    }

    private void runOnce(Path directory, Backup begun, boolean withKey) {
        Backup state = begun;
        try {
            state = collector.paused(() -> copy(directory, begun, withKey));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Backup into " + directory + " failed", e);
            state = with(state, Backup.FAILED, state.phase(), state.done(), state.total(), state.rows(), state.blobs(),
                    state.bytes(), String.valueOf(e.getMessage()), Instant.now());
        }
        try {
            write(directory, state);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The status of backup " + directory + " could not be written", e);
        }
    }

    /** The database, then the blobs, then the key if asked for. */
    private Backup copy(Path directory, Backup begun, boolean withKey) throws IOException {
        Backup state = with(begun, Backup.RUNNING, "database", 0, 0, 0, 0, 0, begun.message(), null);
        write(directory, state);
        DatabaseBackup.Snapshot snapshot = database.export(directory.resolve("database"));
        List<String> digests = store.digests();
        java.util.Optional<Path> previous = previousDone(directory);
        long copied = 0;
        long bytes = 0;
        long reused = 0;
        long lastWrite = 0;
        for (String digest : digests) {
            Digest d = Digest.parse(digest);
            Path relative = Path.of("blobs", d.algorithm(), d.hex().substring(0, 2), d.hex());
            Path target = directory.resolve(relative);
            long size = store.size(d).orElse(-1L);
            if (size >= 0) {
                Files.createDirectories(target.getParent());
                if (linked(previous.map(p -> p.resolve(relative)), target, size)) {
                    reused++;
                } else {
                    try (InputStream in = store.open(d, 0, size)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                bytes += size;
            }
            copied++;
            if (System.currentTimeMillis() - lastWrite > 1000) {
                lastWrite = System.currentTimeMillis();
                write(directory, with(state, Backup.RUNNING, "blobs", copied, digests.size(), snapshot.totalRows(), copied,
                        bytes, state.message(), null));
            }
        }
        Path key = settings.dataDirectory().resolve("secret.key");
        String message = KEY_APART;
        if (withKey && Files.exists(key)) {
            Files.copy(key, directory.resolve("secret.key"), StandardCopyOption.REPLACE_EXISTING);
            message = KEY_WARNING;
        } else if (withKey) {
            message = "The secret key is WHARF_SECRET_KEY, not a file: keep that setting with this backup.";
        }
        Backup done = new Backup(state.name(), state.path(), Backup.DONE, "done", copied, digests.size(),
                snapshot.totalRows(), copied, bytes, message, state.startedAt(), Instant.now(), reused);
        long blobCount = copied;
        long byteCount = bytes;
        long reusedCount = reused;
        LOG.info(() -> "Backup " + directory + ": " + snapshot.totalRows() + " rows, " + blobCount + " blobs, " + byteCount
                + " bytes; " + reusedCount + " blobs linked from " + previous.map(Path::toString).orElse("no earlier backup"));
        return done;
    }

    /** The newest finished backup before this one: its blobs (content named by digest) need no second copy. */
    private java.util.Optional<Path> previousDone(Path directory) throws IOException {
        try (Stream<Path> dirs = Files.list(directory.getParent())) {
            return dirs.filter(d -> !d.equals(directory) && Files.exists(d.resolve(STATUS)))
                    .filter(d -> d.getFileName().toString().compareTo(directory.getFileName().toString()) < 0)
                    .filter(d -> {
                        try {
                            return read(d).state().equals(Backup.DONE);
                        } catch (IOException | RuntimeException unreadable) {
                            return false;
                        }
                    }).max(Comparator.comparing((Path d) -> d.getFileName().toString()));
        }
    }

    /**
     * A hard link to the previous backup's copy of a blob when it is there whole: no bytes written, and pruning either
     * backup leaves the other's intact. False when there is none or the file system cannot link (then it is copied).
     */
    private static boolean linked(java.util.Optional<Path> earlier, Path target, long size) {
        if (earlier.isEmpty()) {
            return false;
        }
        try {
            if (!Files.isRegularFile(earlier.get(), java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(earlier.get()) != size) {
                return false;
            }
            Files.deleteIfExists(target);
            Files.createLink(target, earlier.get());
            return true;
        } catch (IOException | UnsupportedOperationException cannotLink) {
            return false;
        }
    }

    /** When the newest finished backup finished, for the operations figures (no caller: a server's own figure). */
    public java.util.Optional<Instant> lastDone() {
        Path root = settings.backupDirectory();
        if (!Files.isDirectory(root)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.exists(d.resolve(STATUS))).map(d -> {
                try {
                    return read(d);
                } catch (IOException | RuntimeException unreadable) {
                    return null;
                }
            }).filter(b -> b != null && b.state().equals(Backup.DONE) && b.finishedAt() != null)
                    .map(Backup::finishedAt).max(Comparator.naturalOrder());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The backups in {@code WHARF_BACKUP_DIR}, newest first. */
    public Page<Backup> list(Caller caller, PageRequest page) throws IOException {
        requireAdministrator(caller);
        Path root = settings.backupDirectory();
        List<Backup> all = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.filter(d -> Files.exists(d.resolve(STATUS))).toList()) {
                    all.add(read(dir));
                }
            }
        }
        all.sort(Comparator.comparing(Backup::name).reversed());
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), all.size());
    }

    private static Backup with(Backup b, String state, String phase, long done, long total, long rows, long blobs, long bytes,
                               String message, Instant finishedAt) {
        return new Backup(b.name(), b.path(), state, phase, done, total, rows, blobs, bytes, message, b.startedAt(), finishedAt,
                b.reused());
    }

    private static void write(Path directory, Backup b) throws IOException {
        var json = Jsonp.PROVIDER.createObjectBuilder().add("name", b.name()).add("path", b.path()).add("state", b.state())
                .add("phase", b.phase()).add("done", b.done()).add("total", b.total()).add("rows", b.rows())
                .add("blobs", b.blobs()).add("bytes", b.bytes()).add("reused", b.reused()).add("message", b.message())
                .add("started_at", b.startedAt().toString());
        if (b.finishedAt() != null) {
            json.add("finished_at", b.finishedAt().toString());
        }
        Path next = directory.resolve(STATUS + ".next");
        Files.writeString(next, json.build().toString());
        Files.move(next, directory.resolve(STATUS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Backup read(Path directory) throws IOException {
        JsonObject j = Jsonp.PROVIDER.createReader(new StringReader(Files.readString(directory.resolve(STATUS),
                StandardCharsets.UTF_8))).readObject();
        return new Backup(j.getString("name"), j.getString("path"), j.getString("state"), j.getString("phase"),
                j.getJsonNumber("done").longValue(), j.getJsonNumber("total").longValue(), j.getJsonNumber("rows").longValue(),
                j.getJsonNumber("blobs").longValue(), j.getJsonNumber("bytes").longValue(), j.getString("message"),
                Instant.parse(j.getString("started_at")),
                j.containsKey("finished_at") ? Instant.parse(j.getString("finished_at")) : null,
                j.containsKey("reused") ? j.getJsonNumber("reused").longValue() : 0);
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators make backups.");
        }
    }
}
