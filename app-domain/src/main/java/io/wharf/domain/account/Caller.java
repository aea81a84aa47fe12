package io.wharf.domain.account;

/** Who is calling, as established by authentication: the user, their account and project, and their standing. */
public record Caller(String userId, String userName, String accountId, String accountName, String projectId,
                     boolean accountAdministrator, boolean systemAdministrator) {

    public static Caller of(User user, Account account) {
        return new Caller(user.id(), user.name().value(), account.id(), account.name().value(), account.projectId(),
                user.administrator(), user.administrator() && account.system());
    }
}
