package io.wharf.web.api.manage;

import io.wharf.domain.permission.Grant;
import io.wharf.web.application.PermissionService;

/** One {@code {user_id, user_name, auth}} entry, in requests and in {@code self_auth} / {@code others_auths}. */
public record UserAuthBody(String userId, String userName, Integer auth) {

    PermissionService.UserAuth toUserAuth() {
        return new PermissionService.UserAuth(userId, userName, auth == null ? 0 : auth);
    }

    static UserAuthBody of(Grant grant) {
        return new UserAuthBody(grant.userId(), grant.userName(), grant.auth().auth());
    }
}
