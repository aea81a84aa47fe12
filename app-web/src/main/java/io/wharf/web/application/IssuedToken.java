package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.User;
import io.wharf.domain.token.AuthToken;

/** A freshly issued token: the secret to hand out once, and what it stands for. */
public record IssuedToken(String secret, AuthToken token, User user, Account account) {
}
