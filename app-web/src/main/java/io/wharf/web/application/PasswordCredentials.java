package io.wharf.web.application;

/** IAM's password method: a user named inside an account (IAM's "domain"), and the password. */
public record PasswordCredentials(String accountName, String userName, String password) {

    @Override
    public String toString() {
        return "PasswordCredentials[" + accountName + "/" + userName + "]";
    }
}
