package io.wharf.web.registry;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the registry's route table: the methods and path it answers, the right it needs on the repository its
 * path names, and the handler that serves it.
 */
record Route(Set<String> methods, Pattern path, Access access, Handler handler) {

    /** What the caller must be allowed on the repository before the handler runs. */
    enum Access {
        /** Nothing: the handler decides (the base endpoint, the catalog). */
        NONE,
        /** Pull; the repository must exist. */
        PULL,
        /** Push; the repository may not exist yet (the push creates it with its content). */
        PUSH,
        /** Delete; the repository must exist. */
        DELETE
    }

    @FunctionalInterface
    interface Handler {
        void handle(RegistryCall call, Target target) throws IOException;
    }
}
