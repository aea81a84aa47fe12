package io.wharf.domain.sync;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Reads a remote OCI registry through the distribution API: every repository, every tag, each tag's manifest. */
public interface RemoteRegistryClient {

    /**
     * Walks the registry at {@code baseUrl} with the given credentials (null for none), handing each image to
     * {@code found} on the calling thread; returns how many were found. Manifests are fetched a few at a time on
     * {@code fetcher}. Fails with a {@link SyncFailure}.
     */
    int walk(String baseUrl, String username, String password, Executor fetcher, Consumer<RemoteImage> found);
}
