package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.replication.SyncJob;
import io.wharf.domain.replication.SyncRepo;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ReplicationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
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
 * A repository's syncs to other sites as the SDK calls them ({@code CreateImageSyncRepo},
 * {@code ListImageAutoSyncReposDetails}, {@code DeleteImageSyncRepo}); {@link SyncJobsResource} copies and lists jobs.
 * These models are the only ones of the SWR API whose JSON names are camelCase ({@code remoteRegionId},
 * {@code syncAuto}, {@code domainID}), so they are named here one by one. The class path ends in a literal segment:
 * a root resource at {@code .../repos/{repository}} would take every request for a repository away from
 * {@link RepositoriesResource}.
 */
@Path("namespaces/{namespace}/repos/{repository}/sync_repo")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncReposResource {
    @Inject
    ReplicationService replication;
    @Inject
    CurrentCaller caller;

    public record SyncRepoBody(@JsonbProperty("remoteRegionId") String remoteRegionId,
                               @JsonbProperty("remoteNamespace") String remoteNamespace,
                               @JsonbProperty("syncAuto") Boolean syncAuto,
                               @JsonbProperty("override") Boolean override) {
    }

    public record SyncImagesBody(@JsonbProperty("imageTag") List<String> imageTag,
                                 @JsonbProperty("override") Boolean override,
                                 @JsonbProperty("remoteNamespace") String remoteNamespace,
                                 @JsonbProperty("remoteRegionId") String remoteRegionId) {
    }

    public record SyncRepoView(@JsonbProperty("createdAt") String createdAt, @JsonbProperty("domainID") String domainId,
                               @JsonbProperty("domainName") String domainName, @JsonbProperty("id") long id,
                               @JsonbProperty("namespace") String namespace, @JsonbProperty("override") boolean override,
                               @JsonbProperty("remoteNamespace") String remoteNamespace,
                               @JsonbProperty("remoteRegionId") String remoteRegionId,
                               @JsonbProperty("repoName") String repoName, @JsonbProperty("syncAuto") boolean syncAuto,
                               @JsonbProperty("updatedAt") String updatedAt) {
        static SyncRepoView of(SyncRepo s) {
            return new SyncRepoView(s.createdAt().toString(), s.accountId(), s.accountName(), s.id(), s.namespace(),
                    s.override(), s.remoteNamespace(), s.regionId(), s.repository(), s.syncAuto(), s.updatedAt().toString());
        }
    }

    public record SyncJobView(@JsonbProperty("createdAt") String createdAt, @JsonbProperty("domainID") String domainId,
                              @JsonbProperty("domainName") String domainName, @JsonbProperty("id") long id,
                              @JsonbProperty("namespace") String namespace, @JsonbProperty("override") boolean override,
                              @JsonbProperty("remoteNamespace") String remoteNamespace,
                              @JsonbProperty("remoteRegionId") String remoteRegionId,
                              @JsonbProperty("repoName") String repoName, @JsonbProperty("status") String status,
                              @JsonbProperty("syncOperatorId") String syncOperatorId,
                              @JsonbProperty("syncOperatorName") String syncOperatorName,
                              @JsonbProperty("tag") String tag, @JsonbProperty("updatedAt") String updatedAt,
                              @JsonbProperty("reason") String reason, @JsonbProperty("attempts") int attempts) {
        static SyncJobView of(SyncJob j) {
            return new SyncJobView(j.createdAt().toString(), j.accountId(), j.accountName(), j.id(), j.namespace(),
                    j.override(), j.remoteNamespace(), j.regionId(), j.repository(), j.status(), j.operatorId(),
                    j.operatorName(), j.tag(), j.updatedAt().toString(), j.reason(), j.attempts());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           SyncRepoBody body) {
        SyncRepoBody b = required(body);
        replication.createSyncRepo(caller.get(), namespace, repository, b.remoteRegionId(), b.remoteNamespace(),
                b.syncAuto(), b.override());
        return Response.status(201).build();
    }

    @GET
    public List<SyncRepoView> list(@PathParam("namespace") String namespace, @PathParam("repository") String repository) {
        return replication.syncRepos(caller.get(), namespace, repository).stream().map(SyncRepoView::of).toList();
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           SyncRepoBody body) {
        SyncRepoBody b = required(body);
        replication.deleteSyncRepo(caller.get(), namespace, repository, b.remoteRegionId(), b.remoteNamespace());
        return Response.noContent().build();
    }

    private static SyncRepoBody required(SyncRepoBody body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs remoteRegionId and remoteNamespace.");
        }
        return body;
    }
}
