package io.wharf.domain.asset;

import java.util.Arrays;
import java.util.Optional;

/** HSS's {@code image_type}: images in the caller's organizations, or images other accounts share with it. */
public enum ImageType {
    PRIVATE_IMAGE("private_image"), SHARED_IMAGE("shared_image");

    private final String apiName;

    ImageType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<ImageType> ofApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }
}
