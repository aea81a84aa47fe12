package io.wharf.domain.share;

import io.wharf.domain.repository.ImageRepository;

/** A repository together with one share of it (for "shared with me", the share that reaches the caller). */
public record SharedRepository(ImageRepository repository, AccessDomain share) {
}
