package io.wharf.web.api.manage;

import io.wharf.web.application.AccessView;

import java.util.List;

/** {@code GET .../access}: {@code id}, {@code name}, {@code creator_name}, {@code self_auth}, {@code others_auths}. */
public record AccessResponse(long id, String name, String creatorName, UserAuthBody selfAuth,
                             List<UserAuthBody> othersAuths) {

    static AccessResponse of(AccessView view) {
        return new AccessResponse(view.id(), view.name(), view.creatorName(), UserAuthBody.of(view.self()),
                view.others().stream().map(UserAuthBody::of).toList());
    }
}
