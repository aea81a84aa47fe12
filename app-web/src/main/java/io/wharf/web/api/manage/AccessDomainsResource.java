package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.share.Deadline;
import io.wharf.domain.share.ShareTerms;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.ShareCheck;
import io.wharf.web.application.ShareService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Who a repository is shared with: {@code /v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains}. */
@Path("namespaces/{namespace}/repositories/{repository}/access-domains")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessDomainsResource {
    @Inject
    ShareService shares;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response share(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                          ShareRequest body) {
        if (body == null || body.accessDomain() == null || body.accessDomain().isBlank()) {
            throw WharfException.invalid("body", "access_domain, permit and deadline are mandatory.");
        }
        shares.share(caller.get(), namespace, repository, body.accessDomain(), terms(body));
        return Response.status(Response.Status.CREATED).entity("{}").build();
    }

    /** A top-level array, 100 shares by default ({@code offset} and {@code limit} page further). */
    @GET
    public List<AccessDomainResponse> list(@PathParam("namespace") String namespace,
                                           @PathParam("repository") String repository,
                                           @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return shares.list(caller.get(), namespace, repository, PageRequest.of(offset, limit, 100)).items().stream()
                .map(v -> AccessDomainResponse.of(v, null)).toList();
    }

    /** Whether the account exists to receive a share ({@code exist}), with the share's details when there is one. */
    @GET
    @Path("{access_domain}")
    public AccessDomainResponse show(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                                     @PathParam("access_domain") String accessDomain) {
        ShareCheck check = shares.check(caller.get(), namespace, repository, accessDomain);
        return check.share().map(v -> AccessDomainResponse.of(v, check.exists()))
                .orElseGet(() -> new AccessDomainResponse(check.exists(), namespace, repository.replace('$', '/'),
                        accessDomain, null, null, null, null, null, null, null, false));
    }

    @PATCH
    @Path("{access_domain}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           @PathParam("access_domain") String accessDomain, ShareRequest body) {
        if (body == null) {
            throw WharfException.invalid("body", "permit and deadline are mandatory.");
        }
        shares.update(caller.get(), namespace, repository, accessDomain, terms(body));
        return Response.status(Response.Status.CREATED).entity("{}").build();
    }

    @DELETE
    @Path("{access_domain}")
    public Response delete(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           @PathParam("access_domain") String accessDomain) {
        shares.delete(caller.get(), namespace, repository, accessDomain);
        return Response.noContent().build();
    }

    private static ShareTerms terms(ShareRequest body) {
        return new ShareTerms(body.permit(), Deadline.parse(body.deadline()), body.description());
    }
}
