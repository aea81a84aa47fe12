package io.wharf.web.application;

import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepository;

import java.util.List;

/** A repository as one caller sees it: with their right, its owner's account name and its tag names. */
public record RepositoryView(ImageRepository repository, Permission auth, String domainName, List<String> tags) {
}
