package io.wharf.web.api.iam;

/** {@code POST /v3/accounts}: {@code {"account": {"name": "...", "admin": {"name": "...", "password": "..."}}}}. */
public record AccountRequest(Account account) {
    public record Account(String name, Admin admin) {
    }

    public record Admin(String name, String password) {
        @Override
        public String toString() {
            return "Admin[" + name + "]";
        }
    }
}
