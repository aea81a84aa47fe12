package io.wharf.domain.registry;

/** A registry API request that fails with one of the specification's errors. */
public class RegistryException extends RuntimeException {
    private final RegistryError error;

    public RegistryException(RegistryError error, String message) {
        super(message);
        this.error = error;
    }

    public RegistryError error() {
        return error;
    }
}
