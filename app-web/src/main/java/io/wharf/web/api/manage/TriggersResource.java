package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.trigger.Trigger;
import io.wharf.domain.trigger.TriggerDelivery;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.Page;
import io.wharf.web.application.TriggerService;
import io.wharf.web.query.ListQuery;
import io.wharf.web.query.SwrFilter;
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
import java.util.Set;

/**
 * Triggers as the reference describes them ({@code CreateTrigger}, {@code ListTriggersDetails}, {@code ShowTrigger},
 * {@code UpdateTrigger}, {@code DeleteTrigger}) with Wharf's target as an extension: {@code webhook_url} and
 * {@code webhook_secret} (write-only) in the create body, and {@code GET .../triggers/{trigger}/deliveries} paging
 * through every delivery where {@code trigger_history} shows the latest.
 */
@Path("namespaces/{namespace}/repos/{repository}/triggers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TriggersResource {
    @Inject
    TriggerService service;
    @Inject
    CurrentCaller caller;

    public record CreateBody(String action, String appType, String application, String clusterId, String clusterName,
                             String clusterNs, String condition, String container, String enable, String name,
                             String triggerMode, String triggerType, String webhookUrl, String webhookSecret) {
    }

    public record EnableBody(String enable) {
    }

    /** The reference's {@code TriggerHistories}, with Wharf's delivery fields after its own. */
    public record HistoryBody(String action, String appType, String application, String clusterId, String clusterName,
                              String clusterNs, String condition, String container, String createdAt, String creatorName,
                              String detail, String result, String tag, long id, String digest, int attempts) {
        static HistoryBody of(Trigger t, TriggerDelivery d) {
            return new HistoryBody(t.action(), s(t.appType()), s(t.application()), s(t.clusterId()), s(t.clusterName()),
                    s(t.clusterNs()), t.condition(), s(t.container()), d.createdAt().toString(), d.pusher(), d.detail(),
                    d.result(), d.tag(), d.id(), d.digest(), d.attempts());
        }
    }

    /** The reference's {@code Trigger}, with {@code webhook_url} (never the secret). */
    public record TriggerBody(String action, String appType, String application, String clusterId, String clusterName,
                              String clusterNs, String condition, String container, String createdAt, String creatorName,
                              String enable, String name, List<HistoryBody> triggerHistory, String triggerMode,
                              String triggerType, String webhookUrl) {
        static TriggerBody of(TriggerService.TriggerView view) {
            Trigger t = view.trigger();
            return new TriggerBody(t.action(), s(t.appType()), s(t.application()), s(t.clusterId()), s(t.clusterName()),
                    s(t.clusterNs()), t.condition(), s(t.container()), t.createdAt().toString(), t.creatorName(),
                    String.valueOf(t.enabled()), t.name(), view.history().stream().map(d -> HistoryBody.of(t, d)).toList(),
                    t.triggerMode(), t.triggerType(), t.webhookUrl());
        }
    }

    public record Deliveries(List<HistoryBody> deliveries, long total) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           CreateBody body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs the trigger's fields.");
        }
        service.create(caller.get(), namespace, repository, new Trigger.Draft(body.name(), body.action(), body.appType(),
                body.application(), body.clusterId(), body.clusterName(), body.clusterNs(), body.condition(),
                body.container(), body.enable(), body.triggerMode(), body.triggerType(), body.webhookUrl(),
                body.webhookSecret()));
        return Response.status(201).build();
    }

    @GET
    public List<TriggerBody> list(@PathParam("namespace") String namespace, @PathParam("repository") String repository) {
        return service.list(caller.get(), namespace, repository).stream().map(TriggerBody::of).toList();
    }

    @GET
    @Path("{trigger}")
    public TriggerBody show(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                            @PathParam("trigger") String trigger) {
        return TriggerBody.of(service.show(caller.get(), namespace, repository, trigger));
    }

    @PATCH
    @Path("{trigger}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           @PathParam("trigger") String trigger, EnableBody body) {
        service.update(caller.get(), namespace, repository, trigger, body == null ? null : body.enable());
        return Response.status(201).build();
    }

    @DELETE
    @Path("{trigger}")
    public Response delete(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           @PathParam("trigger") String trigger) {
        service.delete(caller.get(), namespace, repository, trigger);
        return Response.ok().build();
    }

    @GET
    @Path("{trigger}/deliveries")
    public Response deliveries(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                               @PathParam("trigger") String trigger, @QueryParam("filter") String filter,
                               @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        ListQuery list = ListQuery.of(SwrFilter.parse(filter, Set.of("offset", "limit")), offset, limit, null, null,
                Set.of(), "id", true);
        TriggerService.Deliveries found = service.deliveries(caller.get(), namespace, repository, trigger, list.page());
        Page<TriggerDelivery> page = found.page();
        return Response.ok(new Deliveries(page.items().stream().map(d -> HistoryBody.of(found.trigger(), d)).toList(),
                page.total())).header("Content-Range", list.contentRange(page.items().size(), page.total())).build();
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }
}
