package io.wharf.web.api.iam;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /v3/accounts}: Wharf's administrators create and list accounts. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {
    @Inject
    AccountService accounts;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AccountRequest body) {
        AccountRequest.Account account = body == null ? null : body.account();
        if (account == null || account.name() == null || account.admin() == null) {
            throw WharfException.invalid("body",
                    "The body needs account.name and account.admin.{name,password}.");
        }
        var created = accounts.createAccount(caller.get(), account.name(), account.admin().name(), account.admin().password());
        return Response.status(Response.Status.CREATED).entity(new AccountResponse.One(AccountResponse.of(created))).build();
    }

    @GET
    public AccountResponse.List list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Page<io.wharf.domain.account.Account> page = accounts.listAccounts(caller.get(), PageRequest.of(offset, limit, 100));
        return new AccountResponse.List(page.items().stream().map(AccountResponse::of).toList(), page.total());
    }

    @GET
    @Path("{account_id}")
    public AccountResponse.One show(@PathParam("account_id") String accountId) {
        return new AccountResponse.One(AccountResponse.of(accounts.account(caller.get(), accountId)));
    }
}
