package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "account")
class AccountRow {
    @Id
    String id;
    String name;
    @Column(name = "project_id")
    String projectId;
    @Column(name = "is_system")
    boolean system;
    @Column(name = "created_at")
    Instant createdAt;

    protected AccountRow() {
    }

    AccountRow(Account account) {
        id = account.id();
        name = account.name().value();
        projectId = account.projectId();
        system = account.system();
        createdAt = account.createdAt();
    }

    Account toAccount() {
        return new Account(id, new AccountName(name), projectId, system, createdAt);
    }
}
