package io.wharf.web.api.iam;

import java.util.List;

/**
 * IAM's password-method body: {@code auth.identity.methods=["password"]},
 * {@code auth.identity.password.user.{name,password,domain.name}}, optional {@code auth.scope.project.{id|name}}.
 */
public record TokenRequest(Auth auth) {
    public record Auth(Identity identity, Scope scope) {
    }

    public record Identity(List<String> methods, PasswordMethod password) {
    }

    public record PasswordMethod(UserRef user) {
    }

    public record UserRef(String name, String password, DomainRef domain) {
        @Override
        public String toString() {
            return "UserRef[" + name + "]";
        }
    }

    public record DomainRef(String id, String name) {
    }

    public record Scope(ProjectRef project, DomainRef domain) {
    }

    public record ProjectRef(String id, String name) {
    }
}
