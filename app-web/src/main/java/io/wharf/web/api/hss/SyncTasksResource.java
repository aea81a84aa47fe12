package io.wharf.web.api.hss;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.sync.RegistryQuery;
import io.wharf.domain.sync.RegistryType;
import io.wharf.domain.sync.SyncTask;
import io.wharf.domain.sync.TaskRegistry;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.Page;
import io.wharf.web.application.SyncTaskService;
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

import static io.wharf.web.api.hss.HssParameters.invalid;
import static io.wharf.web.api.hss.HssParameters.number;
import static io.wharf.web.api.hss.HssParameters.pathId;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Image-sync tasks: {@code POST /v5/{project_id}/image/image-sync/tasks} with HSS's body
 * ({@code sync_all_registries}, {@code registry_info}), Wharf's own task list, and page 004's
 * {@code GET .../tasks/{task_id}/registries}.
 */
@Path("{project_id}/image/image-sync/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncTasksResource {
    private static final Set<String> STATUSES = Set.of(TaskRegistry.RUNNING, TaskRegistry.FINISHED, TaskRegistry.FAILED);

    @Inject
    SyncTaskService tasks;
    @Inject
    ImageAssetService assets;
    @Inject
    CurrentCaller caller;

    /** HSS's CreateImageSynchronizeTask body. */
    public record TaskRequest(Boolean syncAllRegistries, List<RegistryInfo> registryInfo) {
    }

    /** One registry to sync. */
    public record RegistryInfo(String registryId, String registryType) {
    }

    /** The created task. */
    public record TaskCreated(String taskId) {
    }

    /** One registry of a task (page 004's AssociateRegistriesResponseInfo). */
    public record TaskRegistryResponse(String registryId, String registryName, String registryType, String syncStatus,
                                       String failedReason, int totalNum) {
        static TaskRegistryResponse of(TaskRegistry r) {
            return new TaskRegistryResponse(String.valueOf(r.registryId()), r.registryName(), r.registryType().name(),
                    r.syncStatus(), r.failedReason().isEmpty() ? null : r.failedReason(), r.totalNum());
        }
    }

    /** {@code {total_num, data_list}} of registries. */
    public record RegistryList(long totalNum, List<TaskRegistryResponse> dataList) {
    }

    /** A task in Wharf's task list. */
    public record TaskResponse(String taskId, long createTime, List<TaskRegistryResponse> registries) {
    }

    /** {@code {total_num, data_list}}: the account's tasks in all, and one page of them. */
    public record TaskList(long totalNum, List<TaskResponse> dataList) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskCreated create(@PathParam("project_id") String projectId, TaskRequest body) {
        assets.requireOwnProject(caller.get(), projectId);
        boolean all = body != null && Boolean.TRUE.equals(body.syncAllRegistries());
        List<Long> ids = body == null || body.registryInfo() == null ? List.of() : body.registryInfo().stream()
                .map(info -> parseId(info == null ? null : info.registryId())).toList();
        if (!all && ids.isEmpty()) {
            throw WharfException.invalid("registry_info",
                    "Set sync_all_registries to true, or list the registries in registry_info.");
        }
        return new TaskCreated(String.valueOf(tasks.create(caller.get(), all, ids).id()));
    }

    @GET
    public TaskList list(@PathParam("project_id") String projectId, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit) {
        assets.requireOwnProject(caller.get(), projectId);
        Page<SyncTask> found = tasks.list(caller.get(), number("offset", offset, 0, 0, 2_000_000),
                number("limit", limit, 10, 10, 200));
        return new TaskList(found.total(), found.items().stream().map(t -> new TaskResponse(String.valueOf(t.id()),
                t.createdAt().toEpochMilli(), t.registries().stream().map(TaskRegistryResponse::of).toList())).toList());
    }

    @GET
    @Path("{task_id}/registries")
    public RegistryList registries(@PathParam("project_id") String projectId, @PathParam("task_id") String taskId,
                                   @QueryParam("registry_name") String registryName,
                                   @QueryParam("registry_type") String registryType,
                                   @QueryParam("sync_status") String syncStatus,
                                   @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                   @QueryParam("enterprise_project_id") String enterpriseProjectId) {
        assets.requireOwnProject(caller.get(), projectId);
        if (registryName != null && (registryName.isEmpty() || registryName.length() > 128)) {
            throw invalid("registry_name", "registry_name is 1 to 128 characters.");
        }
        Set<RegistryType> types = new LinkedHashSet<>();
        if (registryType != null) {
            Arrays.stream(registryType.split(",")).map(String::strip).map(RegistryType::of).forEach(types::add);
        }
        if (syncStatus != null && !STATUSES.contains(syncStatus)) {
            throw invalid("sync_status", "sync_status must be one of " + STATUSES + ".");
        }
        Page<TaskRegistry> page = tasks.registries(caller.get(), new RegistryQuery(pathId(taskId, Subject.SYNC_TASK, "sync task"),
                registryName, types, syncStatus, number("offset", offset, 0, 0, 2_000_000),
                number("limit", limit, 10, 10, 200)));
        return new RegistryList(page.total(), page.items().stream().map(TaskRegistryResponse::of).toList());
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw invalid("registry_info", "registry_info[].registry_id must be the id of one of the account's registries: " + id);
        }
    }
}
