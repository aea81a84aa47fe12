package io.wharf.persistence.jpa;

import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "account_user")
class UserRow {
    @Id
    String id;
    @Column(name = "account_id")
    String accountId;
    String name;
    @Column(name = "password_hash")
    String passwordHash;
    @Column(name = "is_admin")
    boolean administrator;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "credentials_changed_at")
    Instant credentialsChangedAt;
    @Column(name = "password_change_required")
    boolean passwordChangeRequired;

    protected UserRow() {
    }

    UserRow(User user) {
        id = user.id();
        accountId = user.accountId();
        name = user.name().value();
        passwordHash = user.passwordHash();
        administrator = user.administrator();
        createdAt = user.createdAt();
        credentialsChangedAt = user.credentialsChangedAt();
        passwordChangeRequired = user.passwordChangeRequired();
    }

    User toUser() {
        return new User(id, accountId, new UserName(name), passwordHash, administrator, createdAt, credentialsChangedAt,
                passwordChangeRequired);
    }
}
