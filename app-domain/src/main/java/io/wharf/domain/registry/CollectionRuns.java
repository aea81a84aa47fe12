package io.wharf.domain.registry;

import java.util.List;

/** The history of garbage collections, newest first. */
public interface CollectionRuns {
    void record(CollectionRun run);

    List<CollectionRun> latest(int limit);
}
