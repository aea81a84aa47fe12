package io.wharf.web.api.manage;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.replication.SyncJob;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.Page;
import io.wharf.web.application.ReplicationService;
import io.wharf.web.query.ListQuery;
import io.wharf.web.query.SwrFilter;
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

import java.util.List;
import java.util.Set;

/**
 * Copies to other sites and their jobs ({@code CreateManualImageSyncRepo} at {@code POST .../sync_images},
 * {@code ShowSyncJob} at {@code GET .../sync_job}); one class for both paths, each method answering only its own.
 */
@Path("namespaces/{namespace}/repos/{repository}/{kind: sync_images|sync_job}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncJobsResource {
    @Inject
    ReplicationService replication;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> syncImages(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                                   @PathParam("kind") String kind, SyncReposResource.SyncImagesBody body) {
        only("sync_images", kind);
        if (body == null) {
            throw WharfException.invalid("body", "The body needs imageTag, remoteRegionId and remoteNamespace.");
        }
        return replication.syncTags(caller.get(), namespace, repository, body.remoteRegionId(), body.remoteNamespace(),
                body.imageTag(), body.override());
    }

    /** {@code filter=offset::0|limit::10[|status::success][|tag::v1]}. */
    @GET
    public Response jobs(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                         @PathParam("kind") String kind, @QueryParam("filter") String filter) {
        only("sync_job", kind);
        SwrFilter parsed = SwrFilter.parse(filter, Set.of("offset", "limit", "status", "tag"));
        ListQuery list = ListQuery.of(parsed, null, null, null, null, Set.of(), "id", true);
        String status = parsed.valueOr("status", null).orElse(null);
        if (status != null && !Set.of(SyncJob.WAITING, SyncJob.RUNNING, SyncJob.SUCCESS, SyncJob.FAILED).contains(status)) {
            throw WharfException.invalid("filter", "status must be waiting, running, success or failed.");
        }
        Page<SyncJob> page = replication.jobs(caller.get(), namespace, repository, status,
                parsed.valueOr("tag", null).orElse(null), list.page());
        return Response.ok(page.items().stream().map(SyncReposResource.SyncJobView::of).toList())
                .header("Content-Range", list.contentRange(page.items().size(), page.total())).build();
    }

    private static void only(String expected, String kind) {
        if (!expected.equals(kind)) {
            throw WharfException.notFound(Subject.PAGE, "No endpoint answers this method at " + kind + ".");
        }
    }
}
