package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
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

/** Organization permissions: {@code /v2/manage/namespaces/{namespace}/access}, status codes as the reference gives them. */
@Path("namespaces/{namespace}/access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NamespaceAccessResource {
    @Inject
    PermissionService permissions;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("namespace") String namespace, List<UserAuthBody> body) {
        permissions.grantOnNamespace(caller.get(), namespace, auths(body));
        return Response.ok("{}").build();
    }

    @GET
    public AccessResponse show(@PathParam("namespace") String namespace) {
        return AccessResponse.of(permissions.onNamespace(caller.get(), namespace));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("namespace") String namespace, List<UserAuthBody> body) {
        permissions.updateOnNamespace(caller.get(), namespace, auths(body));
        return Response.status(Response.Status.CREATED).entity("{}").build();
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("namespace") String namespace, List<String> userIds) {
        permissions.revokeOnNamespace(caller.get(), namespace, ids(userIds));
        return Response.noContent().build();
    }

    static List<PermissionService.UserAuth> auths(List<UserAuthBody> body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body is an array of {user_id, user_name, auth}.");
        }
        return body.stream().map(b -> b == null ? null : b.toUserAuth()).toList();
    }

    static List<String> ids(List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            throw WharfException.invalid("body", "The body is a non-empty array of user ids.");
        }
        return userIds;
    }
}
