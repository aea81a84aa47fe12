package io.wharf.web.api.hss;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.sync.SyncRegistry;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.SyncRegistryService;
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

import static io.wharf.web.api.hss.HssParameters.pathId;

/**
 * Wharf's own {@code /v5/{project_id}/image/registries} (HSS documents no registration endpoint): register, list and
 * remove the registries image-sync tasks walk. Passwords go in, never out.
 */
@Path("{project_id}/image/registries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncRegistriesResource {
    @Inject
    SyncRegistryService registries;
    @Inject
    ImageAssetService assets;
    @Inject
    CurrentCaller caller;

    /** The registration body. */
    public record RegistryRequest(String registryName, String registryType, String registryUrl, String username,
                                  String password) {
    }

    /** A registry as answered: never its password. */
    public record RegistryResponse(long registryId, String registryName, String registryType, String registryUrl,
                                   String username, long createTime) {
        static RegistryResponse of(SyncRegistry r) {
            return new RegistryResponse(r.id(), r.name(), r.type().name(), r.url(), r.username(),
                    r.createdAt().toEpochMilli());
        }
    }

    /** {@code {total_num, data_list}}. */
    public record RegistryList(long totalNum, List<RegistryResponse> dataList) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("project_id") String projectId, RegistryRequest body) {
        assets.requireOwnProject(caller.get(), projectId);
        if (body == null) {
            throw WharfException.invalid("body", "A body with registry_name and registry_type is mandatory.");
        }
        SyncRegistry added = registries.add(caller.get(), body.registryName(), body.registryType(), body.registryUrl(),
                body.username(), body.password());
        return Response.status(201).entity(RegistryResponse.of(added)).build();
    }

    @GET
    public RegistryList list(@PathParam("project_id") String projectId) {
        assets.requireOwnProject(caller.get(), projectId);
        List<RegistryResponse> all = registries.list(caller.get()).stream().map(RegistryResponse::of).toList();
        return new RegistryList(all.size(), all);
    }

    @DELETE
    @Path("{registry_id}")
    public Response remove(@PathParam("project_id") String projectId, @PathParam("registry_id") String registryId) {
        assets.requireOwnProject(caller.get(), projectId);
        registries.remove(caller.get(), pathId(registryId, Subject.SYNC_REGISTRY, "registry"));
        return Response.noContent().build();
    }
}
