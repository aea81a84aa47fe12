package io.wharf.web.application;

import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.share.AccessDomain;

/** A share as the API shows it: with its repository. */
public record ShareView(ImageRepository repository, AccessDomain share) {
}
