package io.wharf.web.api.audit;

import io.wharf.domain.account.Caller;
import io.wharf.domain.audit.AuditQuery;
import io.wharf.domain.audit.AuditTrace;
import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.AuditService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v3/{project_id}/traces} as Cloud Trace Service answers it: {@code trace_type=system}, {@code from} and
 * {@code to} in epoch milliseconds (default: the last 7 days), {@code limit} 1-200 (default 10), {@code next} (the
 * {@code marker} of the previous page), and the filters {@code service_type} (SWR, HSS, IAM, registry, console),
 * {@code user}, {@code resource_type}, {@code resource_name}, {@code trace_name}, {@code trace_rating}. The answer is
 * {@code {"traces": [...], "meta_data": {"count", "marker"}}}, newest first.
 */
@Path("{project_id}/traces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TracesResource {
    private static final Set<String> RATINGS = Set.of(AuditTrace.NORMAL, AuditTrace.WARNING, AuditTrace.INCIDENT);

    @Inject
    AuditService audit;
    @Inject
    CurrentCaller caller;

    public record Domain(String id, String name) {
    }

    public record User(String id, String name, Domain domain, String accessKeyId) {
    }

    public record Trace(String traceId, String code, String traceName, String traceRating, String traceType,
                       String serviceType, String eventType, String resourceType, String resourceName,
                       String resourceId, String sourceIp, long time, long recordTime, String requestId, User user,
                       String request, String trackerName) {
        static Trace of(AuditTrace t) {
            long ms = t.time().toEpochMilli();
            return new Trace(t.traceId(), String.valueOf(t.code()), t.traceName(), t.rating(),
                    "console".equals(t.serviceType()) ? "ConsoleAction" : "ApiCall", t.serviceType(), "system",
                    t.resourceType(), t.resourceName(), t.resourceName(), t.sourceIp(), ms, ms, t.requestId(),
                    new User(t.userId(), t.userName(), new Domain(t.accountId(), t.accountName()), t.accessKey()),
                    t.method() + " " + t.path(), "system");
        }
    }

    public record MetaData(int count, String marker) {
    }

    public record Traces(List<Trace> traces, MetaData metaData) {
    }

    @GET
    public Traces list(@PathParam("project_id") String projectId, @QueryParam("trace_type") String traceType,
                       @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
                       @QueryParam("next") String next, @QueryParam("service_type") String serviceType,
                       @QueryParam("user") String user, @QueryParam("resource_type") String resourceType,
                       @QueryParam("resource_name") String resourceName, @QueryParam("trace_name") String traceName,
                       @QueryParam("trace_rating") String rating) {
        Caller who = caller.get();
        if (!who.projectId().equals(projectId)) {
            throw WharfException.forbidden("The project " + projectId + " is not the caller's project.");
        }
        if (traceType != null && !traceType.equals("system")) {
            throw WharfException.invalid("trace_type", "trace_type must be system (Wharf keeps no data traces).");
        }
        if (rating != null && !RATINGS.contains(rating)) {
            throw WharfException.invalid("trace_rating", "trace_rating must be normal, warning or incident.");
        }
        Instant end = to == null ? Instant.now().plusSeconds(1) : millis("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : millis("from", from);
        int size = limit == null ? 10 : (int) number("limit", limit, 1, AuditService.MAX_LIMIT);
        long before = next == null ? 0 : number("next", next, 1, Long.MAX_VALUE);
        List<AuditTrace> found = audit.query(who, new AuditQuery(who.accountId(), null, start, end, user, serviceType,
                resourceType, resourceName, traceName, rating, before, size));
        String marker = found.size() == size ? String.valueOf(found.get(found.size() - 1).id()) : null;
        return new Traces(found.stream().map(Trace::of).toList(), new MetaData(found.size(), marker));
    }

    private static Instant millis(String field, String text) {
        return Instant.ofEpochMilli(number(field, text, 0, 32_503_680_000_000L));
    }

    private static long number(String field, String text, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw WharfException.invalid(field, field + " must be a whole number from " + min + " to " + max + ".");
    }
}
