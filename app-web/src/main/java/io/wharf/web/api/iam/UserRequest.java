package io.wharf.web.api.iam;

/** {@code POST /v3/users}: IAM's shape, {@code {"user": {"name", "password", "domain_id", "administrator"}}}. */
public record UserRequest(User user) {
    public record User(String name, String password, String domainId, Boolean administrator) {
        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }
}
