package io.wharf.integration.storage;

import io.wharf.domain.registry.BlobStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract on disk: two stores over one directory stand for two nodes sharing a file system. */
class FileBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    @Override
    BlobStore node() {
        return new FileBlobStore(root);
    }
}
