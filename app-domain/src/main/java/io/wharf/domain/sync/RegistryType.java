package io.wharf.domain.sync;

import io.wharf.domain.error.WharfException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** HSS's {@code registry_type}: this Wharf's private or shared images, or a remote OCI registry reached by URL. */
public enum RegistryType {
    SwrPrivate(false), SwrShared(false), Harbor(true), Jfrog(true), Other(true);

    private final boolean remote;

    RegistryType(boolean remote) {
        this.remote = remote;
    }

    /** Whether the registry is reached over the network by URL and credentials. */
    public boolean remote() {
        return remote;
    }

    public static RegistryType of(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> WharfException.invalid("registry_type", "registry_type must be one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
    }
}
