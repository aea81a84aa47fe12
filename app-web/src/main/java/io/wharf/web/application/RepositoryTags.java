package io.wharf.web.application;

import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;

/** A page of one repository's tags. */
public record RepositoryTags(ImageRepository repository, Page<ImageTag> tags) {
}
