package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.replication.SyncJob;
import io.wharf.domain.replication.SyncRepo;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.Page;
import io.wharf.web.application.ReplicationService;
import io.wharf.web.query.ListQuery;
import io.wharf.web.query.SwrFilter;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;

/**
 * Image sync to other sites as the SDK calls it ({@code CreateImageSyncRepo}, {@code ListImageAutoSyncReposDetails},
 * {@code DeleteImageSyncRepo}, {@code CreateManualImageSyncRepo}, {@code ShowSyncJob}). These models are the only ones
 * of the SWR API whose JSON names are camelCase ({@code remoteRegionId}, {@code syncAuto}, {@code domainID}), so they
 * are named here one by one.
 */
@Path("namespaces/{namespace}/repos/{repository}")
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
    @Path("sync_repo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           SyncRepoBody body) {
        SyncRepoBody b = required(body);
        replication.createSyncRepo(caller.get(), namespace, repository, b.remoteRegionId(), b.remoteNamespace(),
                b.syncAuto(), b.override());
        return Response.status(201).build();
    }

    @GET
    @Path("sync_repo")
    public List<SyncRepoView> list(@PathParam("namespace") String namespace, @PathParam("repository") String repository) {
        return replication.syncRepos(caller.get(), namespace, repository).stream().map(SyncRepoView::of).toList();
    }

    @DELETE
    @Path("sync_repo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           SyncRepoBody body) {
        SyncRepoBody b = required(body);
        replication.deleteSyncRepo(caller.get(), namespace, repository, b.remoteRegionId(), b.remoteNamespace());
        return Response.noContent().build();
    }

    @POST
    @Path("sync_images")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> syncImages(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                                   SyncImagesBody body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs imageTag, remoteRegionId and remoteNamespace.");
        }
        return replication.syncTags(caller.get(), namespace, repository, body.remoteRegionId(), body.remoteNamespace(),
                body.imageTag(), body.override());
    }

    /** {@code filter=offset::0|limit::10[|status::success][|tag::v1]}. */
    @GET
    @Path("sync_job")
    public Response jobs(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                         @QueryParam("filter") String filter) {
        SwrFilter parsed = SwrFilter.parse(filter, Set.of("offset", "limit", "status", "tag"));
        ListQuery list = ListQuery.of(parsed, null, null, null, null, Set.of(), "id", true);
        String status = parsed.valueOr("status", null).orElse(null);
        if (status != null && !Set.of(SyncJob.WAITING, SyncJob.RUNNING, SyncJob.SUCCESS, SyncJob.FAILED).contains(status)) {
            throw WharfException.invalid("filter", "status must be waiting, running, success or failed.");
        }
        Page<SyncJob> page = replication.jobs(caller.get(), namespace, repository, status,
                parsed.valueOr("tag", null).orElse(null), list.page());
        return Response.ok(page.items().stream().map(SyncJobView::of).toList())
                .header("Content-Range", list.contentRange(page.items().size(), page.total())).build();
    }

    private static SyncRepoBody required(SyncRepoBody body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs remoteRegionId and remoteNamespace.");
        }
        return body;
    }
}
