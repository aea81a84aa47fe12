package io.wharf.web.application;

import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code WHARF_RESTORE_FROM} at start, after the database part (restored with the schema migration, into an empty
 * database only): the backup's secret key (without it, stored secrets cannot be read) and its blobs, each stored
 * through the blob store's verified upload — a damaged blob is refused by its digest. Blobs already present are
 * skipped, so a restart with the setting still there costs a listing, not a copy.
 */
@ApplicationScoped
public class BackupRestore {
    private static final Logger LOG = Logger.getLogger(BackupRestore.class.getName());

    @Inject
    WharfSettings settings;
    @Inject
    BlobStore store;

    void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 2) Startup started) throws IOException {
        if (settings.restoreFrom().isEmpty()) {
            return;
        }
        Path backup = settings.restoreFrom().get();
        restoreKey(backup.resolve("secret.key"), settings.dataDirectory().resolve("secret.key"));
        Path blobs = backup.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(blobs)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        int restored = 0;
        for (Path file : files) {
            Digest digest = Digest.parse(file.getParent().getParent().getFileName() + ":" + file.getFileName());
            if (store.size(digest).isPresent()) {
                continue;
            }
            String upload = store.startUpload("restore");
            try (InputStream in = Files.newInputStream(file)) {
                store.complete(upload, in, digest);
            } catch (BlobStore.DigestMismatch damaged) {
                store.cancelUpload(upload);
                throw new IllegalStateException("The backup's blob " + file + " is damaged: its content is not " + digest);
            }
            restored++;
        }
        int count = restored;
        LOG.info(() -> "Restored " + count + " blobs from " + backup + " (" + (files.size() - count) + " were already here)");
    }

    /** The backup's key, unless this server has one of its own already: then they must be the same. */
    private static void restoreKey(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        if (Files.exists(to)) {
            if (!Arrays.equals(Files.readAllBytes(from), Files.readAllBytes(to))) {
                throw new IllegalStateException("WHARF_RESTORE_FROM: this server's " + to + " differs from the backup's"
                        + " secret key; the restored secrets could not be read. Start on an empty data directory.");
            }
            return;
        }
        PrivateFiles.write(to, Files.readAllBytes(from));
    }
}
