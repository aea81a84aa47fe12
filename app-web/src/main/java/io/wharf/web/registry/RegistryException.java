package io.wharf.web.registry;

/**
 * A registry API request that fails with one of the specification's errors; {@link #field()} names the part of the
 * request that broke the rule (a manifest field such as {@code layers[0].size}, a header), when there is one.
 */
public class RegistryException extends RuntimeException {
    private final RegistryError error;
    private final String field;

    public RegistryException(RegistryError error, String message) {
        this(error, message, null);
    }

    public RegistryException(RegistryError error, String message, String field) {
        super(message);
        this.error = error;
        this.field = field;
    }

    public RegistryError error() {
        return error;
    }

    public String field() {
        return field;
    }
}
