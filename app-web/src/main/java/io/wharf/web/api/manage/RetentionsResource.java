package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRecord;
import io.wharf.domain.retention.RetentionRule;
import io.wharf.domain.retention.RetentionRun;
import io.wharf.domain.retention.TagSelector;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.Page;
import io.wharf.web.application.RetentionService;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Image retention policies as the reference describes them ({@code CreateRetention}, {@code ListRetentions},
 * {@code ShowRetention}, {@code UpdateRetention}, {@code DeleteRetention}, {@code ListRetentionHistories}), and Wharf's
 * own {@code POST .../retentions/{retention_id}/execute[?dry_run=true]}, which runs a policy now (or says what it would
 * remove) and answers the removed tags.
 */
@Path("namespaces/{namespace}/repos/{repository}/retentions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RetentionsResource {
    @Inject
    RetentionService retentions;
    @Inject
    CurrentCaller caller;

    /** {@code {"kind": "label"|"regexp", "pattern"}}. */
    public record SelectorBody(String kind, String pattern) {
    }

    /** {@code {"template", "params": {"days"|"num": "<n>"}, "tag_selectors"}}. */
    public record RuleBody(String template, Map<String, Object> params, List<SelectorBody> tagSelectors) {
        static RuleBody of(RetentionRule rule) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put(rule.parameter(), String.valueOf(rule.value()));
            return new RuleBody(rule.template(), params,
                    rule.tagSelectors().stream().map(t -> new SelectorBody(t.kind(), t.pattern())).toList());
        }
    }

    public record PolicyBody(String algorithm, List<RuleBody> rules) {
    }

    /** The reference's {@code Retention}: {@code scope} is reserved and empty. */
    public record RetentionBody(String algorithm, long id, List<RuleBody> rules, String scope) {
        static RetentionBody of(RetentionPolicy p) {
            return new RetentionBody(p.algorithm(), p.id(), p.rules().stream().map(RuleBody::of).toList(), "");
        }
    }

    public record Created(long id) {
    }

    public record RetentionLog(String createdAt, long id, String namespace, String repo, long retentionId, String ruleType,
                               String tag) {
        static RetentionLog of(RetentionRecord r) {
            return new RetentionLog(r.createdAt().toString(), r.id(), r.namespace(), r.repository(), r.retentionId(),
                    r.ruleType(), r.tag());
        }
    }

    public record Histories(List<RetentionLog> retentionLog, long total) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           PolicyBody body) {
        PolicyBody policy = required(body);
        RetentionPolicy created = retentions.create(caller.get(), namespace, repository, policy.algorithm(), rules(policy));
        return Response.status(201).entity(new Created(created.id())).build();
    }

    @GET
    public List<RetentionBody> list(@PathParam("namespace") String namespace, @PathParam("repository") String repository) {
        return retentions.list(caller.get(), namespace, repository).stream().map(RetentionBody::of).toList();
    }

    @GET
    @Path("histories")
    public Response histories(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                              @QueryParam("filter") String filter, @QueryParam("offset") String offset,
                              @QueryParam("limit") String limit) {
        ListQuery list = ListQuery.of(SwrFilter.parse(filter, Set.of("offset", "limit")), offset, limit, null, null,
                Set.of(), "id", true);
        Page<RetentionRecord> page = retentions.histories(caller.get(), namespace, repository, list.page());
        return Response.ok(new Histories(page.items().stream().map(RetentionLog::of).toList(), page.total()))
                .header("Content-Range", list.contentRange(page.items().size(), page.total())).build();
    }

    @GET
    @Path("{retention_id}")
    public RetentionBody show(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                              @PathParam("retention_id") String id) {
        return RetentionBody.of(retentions.show(caller.get(), namespace, repository, id(id)));
    }

    @PATCH
    @Path("{retention_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           @PathParam("retention_id") String id, PolicyBody body) {
        PolicyBody policy = required(body);
        retentions.update(caller.get(), namespace, repository, id(id), policy.algorithm(), rules(policy));
        return Response.status(201).build();
    }

    @DELETE
    @Path("{retention_id}")
    public Response delete(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           @PathParam("retention_id") String id) {
        retentions.delete(caller.get(), namespace, repository, id(id));
        return Response.ok().build();
    }

    /** A run: {@code running}, then {@code done} with the tags removed (the first 10,000) or {@code failed}. */
    public record RunBody(long id, long retentionId, boolean dryRun, String status, List<String> removed, int removedCount,
                          String message, String operator, String startedAt, String finishedAt) {
        static RunBody of(RetentionRun r) {
            return new RunBody(r.id(), r.retentionId(), r.dryRun(), r.status(), r.removed(), r.removedCount(),
                    r.message(), r.operatorName(), r.startedAt().toString(),
                    r.finishedAt() == null ? null : r.finishedAt().toString());
        }
    }

    /** Starts a run in the background: 202 with the run, followed at its {@code Location}. */
    @POST
    @Path("{retention_id}/execute")
    public Response execute(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                            @PathParam("retention_id") String id, @QueryParam("dry_run") String dryRun,
                            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw WharfException.invalid("dry_run", "dry_run must be true or false.");
        }
        long policy = id(id);
        RetentionRun run = retentions.execute(caller.get(), namespace, repository, policy, "true".equals(dryRun));
        return Response.status(202).header("Location", uri.getBaseUriBuilder().path("namespaces/{ns}/repos/{repo}"
                        + "/retentions/{id}/runs/{run}").build(namespace, repository, policy, run.id()).getRawPath())
                .entity(RunBody.of(run)).build();
    }

    @GET
    @Path("{retention_id}/runs/{run_id}")
    public RunBody run(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                       @PathParam("retention_id") String id, @PathParam("run_id") String runId) {
        long run;
        try {
            run = Long.parseLong(runId);
        } catch (NumberFormatException e) {
            throw WharfException.invalid("run_id", "run_id must be a whole number.");
        }
        return RunBody.of(retentions.run(caller.get(), namespace, repository, id(id), run));
    }

    private static PolicyBody required(PolicyBody body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs algorithm and rules.");
        }
        return body;
    }

    private static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw WharfException.invalid("retention_id", "retention_id must be a positive whole number.");
    }

    /** The rules as the domain checks them, each field named by its place in the body. */
    private static List<RetentionRule> rules(PolicyBody body) {
        if (body.rules() == null) {
            return List.of();
        }
        if (body.rules().size() > RetentionPolicy.MAX_RULES) {
            throw WharfException.invalid("rules", "rules holds at most " + RetentionPolicy.MAX_RULES + " rules.");
        }
        List<RetentionRule> rules = new ArrayList<>();
        for (int i = 0; i < body.rules().size(); i++) {
            RuleBody rule = body.rules().get(i);
            String field = "rules[" + i + "]";
            if (rule == null) {
                throw WharfException.invalid(field, field + " must be an object.");
            }
            Map<String, Object> params = rule.params() == null ? Map.of() : rule.params();
            List<TagSelector> selectors = new ArrayList<>();
            List<SelectorBody> given = rule.tagSelectors() == null ? List.of() : rule.tagSelectors();
            if (given.size() > RetentionRule.MAX_SELECTORS) {
                throw WharfException.invalid(field + ".tag_selectors", field + ".tag_selectors holds at most "
                        + RetentionRule.MAX_SELECTORS + " selectors; one regexp selector can name many tags.");
            }
            for (int k = 0; k < given.size(); k++) {
                SelectorBody s = given.get(k);
                String where = field + ".tag_selectors[" + k + "]";
                selectors.add(TagSelector.of(s == null ? null : s.kind(), s == null ? null : s.pattern(), where));
            }
            rules.add(RetentionRule.of(rule.template(), text(params.get("days")), text(params.get("num")), selectors, field));
        }
        return rules;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
