package io.wharf.web.api.iam;

import io.wharf.domain.account.User;

/** A user as the administration API shows it; never with the password hash. */
public record UserResponse(String id, String name, String domainId, boolean administrator, String createdAt,
                           boolean pwdStatus) {

    /** {@code pwd_status}, as IAM names it: true while the user must change the password an administrator set. */
    static UserResponse of(User user) {
        return new UserResponse(user.id(), user.name().value(), user.accountId(), user.administrator(),
                user.createdAt().toString(), user.passwordChangeRequired());
    }

    public record One(UserResponse user) {
    }

    public record List(java.util.List<UserResponse> users, long total) {
    }
}
