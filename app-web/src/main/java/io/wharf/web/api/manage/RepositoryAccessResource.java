package io.wharf.web.api.manage;

import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.PermissionService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Repository permissions: {@code .../repos/{repository}/access}, status codes as the reference gives them. */
@Path("namespaces/{namespace}/repos/{repository}/access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryAccessResource {
    @Inject
    PermissionService permissions;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                          List<UserAuthBody> body) {
        permissions.grantOnRepository(caller.get(), namespace, repository, NamespaceAccessResource.auths(body));
        return Response.status(Response.Status.CREATED).entity("{}").build();
    }

    @GET
    public AccessResponse show(@PathParam("namespace") String namespace, @PathParam("repository") String repository) {
        return AccessResponse.of(permissions.onRepository(caller.get(), namespace, repository));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           List<UserAuthBody> body) {
        permissions.updateOnRepository(caller.get(), namespace, repository, NamespaceAccessResource.auths(body));
        return Response.status(Response.Status.CREATED).entity("{}").build();
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           List<String> userIds) {
        permissions.revokeOnRepository(caller.get(), namespace, repository, NamespaceAccessResource.ids(userIds));
        return Response.noContent().build();
    }
}
