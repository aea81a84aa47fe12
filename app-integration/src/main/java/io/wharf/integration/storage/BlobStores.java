package io.wharf.integration.storage;

import io.wharf.domain.registry.BlobStore;
import io.wharf.integration.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The blob store of this server: files under {@code WHARF_STORAGE_DIR} (the default, for one node), or an S3 bucket
 * shared by every node of a cluster ({@code WHARF_STORAGE=s3}, configured by {@code WHARF_S3_*}).
 */
@ApplicationScoped
public class BlobStores {
    @Produces
    @ApplicationScoped
    BlobStore configured() {
        return "s3".equalsIgnoreCase(Settings.value("WHARF_STORAGE"))
                ? new S3BlobStore(S3BlobStore.Config.fromSettings()) : new FileBlobStore();
    }
}
