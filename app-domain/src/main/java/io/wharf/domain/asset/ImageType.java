package io.wharf.domain.asset;

import java.util.Arrays;
import java.util.Optional;

/**
 * HSS's {@code image_type}: images in the caller's organizations, images other accounts share with it, and images
 * synced from remote registries, by the registry's kind ({@code other} is Wharf's name for the {@code Other} kind).
 */
public enum ImageType {
    PRIVATE_IMAGE("private_image"), SHARED_IMAGE("shared_image"), HARBOR("harbor"), JFROG("jfrog"), OTHER("other");

    private final String apiName;

    ImageType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** Whether the images come from a synced remote registry rather than Wharf's own. */
    public boolean synced() {
        return this == HARBOR || this == JFROG || this == OTHER;
    }

    /** The registry type ({@code Harbor}, {@code Jfrog}, {@code Other}) whose synced images this type lists. */
    public String registryType() {
        return switch (this) {
            case HARBOR -> "Harbor";
            case JFROG -> "Jfrog";
            case OTHER -> "Other";
            default -> throw new IllegalStateException(this + " is not a synced type");
        };
    }

    public static Optional<ImageType> ofApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }
}
