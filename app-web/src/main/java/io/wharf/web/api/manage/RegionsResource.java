package io.wharf.web.api.manage;

import io.wharf.domain.replication.Region;
import io.wharf.domain.replication.RegionGrant;
import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ReplicationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Wharf's own {@code /v2/manage/regions}: the sites image sync may copy to. Wharf's administrators add
 * ({@code {"region_id", "url", "username", "password"}}; the password is kept sealed and never shown) and remove
 * them, and grant accounts the remote organizations each may write ({@code .../{region_id}/grants},
 * {@code {"account", "namespaces"}} with a name or a prefix ending in {@code *}). An account lists the regions it
 * was granted, by id and with its own grants: a site's address and user name are shown to administrators only.
 */
@Path("regions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RegionsResource {
    @Inject
    ReplicationService replication;
    @Inject
    CurrentCaller caller;

    public record RegionBody(String regionId, String url, String username, String password) {
    }

    public record RegionView(String regionId, String url, String username, String createdAt) {
        static RegionView of(Region r) {
            return new RegionView(r.id(), r.url(), r.username(), r.createdAt().toString());
        }
    }

    public record GrantBody(String account, String namespaces) {
    }

    public record GrantView(String regionId, String account, String namespaces, String createdAt) {
        static GrantView of(RegionGrant g) {
            return new GrantView(g.regionId(), g.accountName(), g.namespaces(), g.createdAt().toString());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(RegionBody body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs region_id and url.");
        }
        Region added = replication.addRegion(caller.get(), body.regionId(), body.url(), body.username(), body.password());
        return Response.status(201).entity(RegionView.of(added)).build();
    }

    @GET
    public List<RegionView> list() {
        return replication.regions(caller.get()).stream().map(RegionView::of).toList();
    }

    @POST
    @Path("{region_id}/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("region_id") String id, GrantBody body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs account and namespaces.");
        }
        RegionGrant grant = replication.grant(caller.get(), id, body.account(), body.namespaces());
        return Response.status(201).entity(GrantView.of(grant)).build();
    }

    @GET
    @Path("{region_id}/grants")
    public List<GrantView> grants(@PathParam("region_id") String id) {
        return replication.grants(caller.get(), id).stream().map(GrantView::of).toList();
    }

    @DELETE
    @Path("{region_id}/grants/{account}/{namespaces}")
    public Response revoke(@PathParam("region_id") String id, @PathParam("account") String account,
                           @PathParam("namespaces") String namespaces) {
        replication.revoke(caller.get(), id, account, namespaces);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{region_id}")
    public Response remove(@PathParam("region_id") String id) {
        replication.removeRegion(caller.get(), id);
        return Response.noContent().build();
    }
}
