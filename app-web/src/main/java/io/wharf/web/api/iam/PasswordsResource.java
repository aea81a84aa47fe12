package io.wharf.web.api.iam;

import io.wharf.domain.account.User;
import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.api.Public;
import io.wharf.web.application.PasswordService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import io.wharf.web.servlet.AuditFilter;
import jakarta.ws.rs.core.Response;

/**
 * IAM's {@code /v3.0/OS-USER/users/{user_id}}: a user changes their own password with the current one
 * ({@code PUT .../password}, 204; the current password is the proof, so no token is needed — a user whose password an
 * administrator set has no other way in); an administrator sets another user's ({@code PUT}, 200 with the user).
 */
@Path("OS-USER/users/{user_id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PasswordsResource {
    @Inject
    PasswordService passwords;
    @Inject
    CurrentCaller caller;
    @Context
    HttpServletRequest http;

    @PUT
    @Path("password")
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("user_id") String userId, PasswordRequest body) {
        PasswordRequest.User user = required(body);
        if (user.originalPassword() == null) {
            throw WharfException.invalid("user.original_password", "The body needs user.original_password.");
        }
        // Recorded in the user's own audit trail: no token named them, the current password did.
        AuditFilter.identify(http, passwords.change(userId, user.originalPassword(), user.password()), null);
        return Response.noContent().build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public UserResponse.One set(@PathParam("user_id") String userId, PasswordRequest body) {
        PasswordRequest.User user = required(body);
        User changed = passwords.reset(caller.get(), userId, user.password(), !Boolean.FALSE.equals(user.pwdStatus()));
        return new UserResponse.One(UserResponse.of(changed));
    }

    private static PasswordRequest.User required(PasswordRequest body) {
        PasswordRequest.User user = body == null ? null : body.user();
        if (user == null || user.password() == null) {
            throw WharfException.invalid("user.password", "The body needs user.password.");
        }
        return user;
    }
}
