package io.wharf.web.api.iam;

/**
 * IAM's password bodies under {@code /v3.0/OS-USER/users}: {@code {"user": {"original_password", "password"}}} to
 * change one's own, {@code {"user": {"password", "pwd_status"}}} for an administrator to set another user's
 * ({@code pwd_status} true, the default: the user must change it at the next sign-in).
 */
public record PasswordRequest(User user) {
    public record User(String originalPassword, String password, Boolean pwdStatus) {
        @Override
        public String toString() {
            return "User[******]";
        }
    }
}
