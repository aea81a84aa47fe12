package io.wharf.web.api.manage;

import io.wharf.domain.repository.ImageRepository;
import io.wharf.web.application.RepositoryView;

import java.util.List;

/** One element of {@code GET /v2/manage/repos} (and of the shared-repositories list). */
public record RepositoryListItem(String name, String category, String description, long size, boolean isPublic,
                                 long numImages, long numDownload, String createdAt, String updatedAt, String logo,
                                 String url, String path, String internalPath, String domainName, String namespace,
                                 List<String> tags, boolean status, long totalRange) {

    static RepositoryListItem of(RepositoryView view, String registry, boolean status, long total) {
        ImageRepository r = view.repository();
        String path = registry + "/" + r.path();
        return new RepositoryListItem(r.name().value(), r.category().apiName(), r.description(), r.size(), r.isPublic(),
                r.numImages(), r.numDownload(), r.createdAt().toString(), r.updatedAt().toString(), "", "", path, path,
                view.domainName(), r.namespace().value(), view.tags(), status, total);
    }

    /**
     * Identity, not the record's field-by-field hash: JSON-B hashes every object it writes (to catch cycles), and
     * hashing each item's list of tag names was a fifth of the time of writing a page of 100.
     */
    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }
}
