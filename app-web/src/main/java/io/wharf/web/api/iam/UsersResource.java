package io.wharf.web.api.iam;

import io.wharf.domain.account.User;
import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.AccountService;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /v3/users}: an account's administrator (or Wharf's) adds users and lists them. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    @Inject
    AccountService accounts;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserRequest body) {
        UserRequest.User user = body == null ? null : body.user();
        if (user == null || user.name() == null || user.password() == null) {
            throw WharfException.invalid("body", "The body needs user.name and user.password.");
        }
        String accountId = user.domainId() == null ? caller.get().accountId() : user.domainId();
        User created = accounts.createUser(caller.get(), accountId, user.name(), user.password(),
                Boolean.TRUE.equals(user.administrator()));
        return Response.status(Response.Status.CREATED).entity(new UserResponse.One(UserResponse.of(created))).build();
    }

    @GET
    public UserResponse.List list(@QueryParam("domain_id") String domainId, @QueryParam("offset") String offset,
                                  @QueryParam("limit") String limit) {
        String accountId = domainId == null || domainId.isBlank() ? caller.get().accountId() : domainId;
        Page<User> page = accounts.listUsers(caller.get(), accountId, PageRequest.of(offset, limit, 100));
        return new UserResponse.List(page.items().stream().map(UserResponse::of).toList(), page.total());
    }
}
