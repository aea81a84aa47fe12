package io.wharf.web.api.iam;

import io.wharf.domain.account.Account;

/** An account as the administration API shows it. */
public record AccountResponse(String id, String name, String projectId, boolean system, String createdAt) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.id(), account.name().value(), account.projectId(), account.system(),
                account.createdAt().toString());
    }

    public record One(AccountResponse account) {
    }

    public record List(java.util.List<AccountResponse> accounts, long total) {
    }
}
