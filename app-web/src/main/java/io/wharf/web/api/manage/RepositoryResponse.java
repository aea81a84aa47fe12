package io.wharf.web.api.manage;

import io.wharf.domain.repository.ImageRepository;
import io.wharf.web.application.RepositoryView;

/** The brief information on a repository, every field of the page's example. */
public record RepositoryResponse(String category, String created, String creatorId, String creatorName,
                                 String description, String domainId, long id, String internalPath, boolean isPublic,
                                 String name, long nsId, long numDownload, long numImages, String path, int priority,
                                 long size, String updated, String url) {

    static RepositoryResponse of(RepositoryView view, String registry) {
        ImageRepository r = view.repository();
        String path = registry + "/" + r.path();
        return new RepositoryResponse(r.category().apiName(), r.createdAt().toString(), r.creatorId(), r.creatorName(),
                r.description(), r.accountId(), r.id(), path, r.isPublic(), r.name().value(), r.namespaceId(),
                r.numDownload(), r.numImages(), path, 0, r.size(), r.updatedAt().toString(), "");
    }
}
