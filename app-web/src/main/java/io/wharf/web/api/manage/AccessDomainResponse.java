package io.wharf.web.api.manage;

import io.wharf.domain.share.AccessDomain;
import io.wharf.web.application.ShareView;

import java.time.Instant;

/** One share as the pages show it; {@code exist} only in the single-account check. */
public record AccessDomainResponse(Boolean exist, String namespace, String repository, String accessDomain,
                                   String permit, String deadline, String description, String creatorId,
                                   String creatorName, String created, String updated, Boolean status) {

    static AccessDomainResponse of(ShareView view, Boolean exist) {
        AccessDomain s = view.share();
        return new AccessDomainResponse(exist, view.repository().namespace().value(), view.repository().name().value(),
                s.accountName(), s.permit(), s.deadline().toString(), s.description(), s.creatorId(), s.creatorName(),
                s.createdAt().toString(), s.updatedAt().toString(), s.isValidAt(Instant.now()));
    }
}
