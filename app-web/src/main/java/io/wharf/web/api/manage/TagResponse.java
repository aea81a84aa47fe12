package io.wharf.web.api.manage;

import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;
import jakarta.json.bind.annotation.JsonbProperty;

/** One element of {@code GET .../tags}; the reference spells the tag's field {@code Tag}. */
public record TagResponse(long id, long repoId, @JsonbProperty("Tag") String tag, String imageId, String manifest,
                          String digest, int schema, String path, String internalPath, long size, boolean isTrusted,
                          String created, String updated, String domainId, boolean scanned, int tagType) {

    static TagResponse of(ImageRepository repository, ImageTag t, String registry) {
        String path = registry + "/" + repository.path() + ":" + t.tag();
        return new TagResponse(t.id(), t.repositoryId(), t.tag(), t.imageId(), t.manifest(), t.digest(), t.schema(),
                path, path, t.size(), false, t.createdAt().toString(), t.updatedAt().toString(),
                repository.accountId(), false, t.tagType());
    }
}
