package io.wharf.web.application;

import io.wharf.domain.repository.ImageRepository;

import java.util.List;

/** One line of the shared-repositories list: a repository, its owner account's name, its tags and the share's state. */
public record SharedView(ImageRepository repository, String domainName, List<String> tags, boolean status) {
}
