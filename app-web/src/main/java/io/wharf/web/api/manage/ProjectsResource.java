package io.wharf.web.api.manage;

import io.wharf.domain.quota.Quota;
import io.wharf.domain.quota.QuotaKey;
import io.wharf.web.application.QuotaService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v2/manage/projects/{project_id}/feature-gates} ({@code ShowShareFeatureGates}): which of the public
 * service's features this Wharf has. Scanning, the HSS API and image sync are here; the experience center, SM
 * algorithms, CCI, image labels and pipelines are public-cloud services Wharf does not run.
 */
@Path("projects/{project_id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {
    @Inject
    CurrentCaller caller;
    @Inject
    QuotaService quotaService;

    public record FeatureGates(boolean enableExperience, boolean enableHssService, boolean enableImageScan,
                               boolean enableSm3, boolean enableImageSync, boolean enableCciService,
                               boolean enableImageLabel, boolean enablePipeline) {
    }

    /** The reference's {@code ShowQuota}; {@code quota_limit} -1 is no limit. */
    public record QuotaBody(Long quotaLimit, String quotaKey, String unit, Long used) {
    }

    public record QuotasBody(List<QuotaBody> quotas) {
    }

    /** {@code ListQuotas}: the project's limits on organizations, repositories and storage (MiB), and their use. */
    @GET
    @Path("quotas")
    public QuotasBody quotas(@PathParam("project_id") String projectId) {
        return new QuotasBody(quotaService.list(caller.get(), projectId).stream()
                .map(q -> new QuotaBody(q.limit(), q.key().key(), q.key().unit(), q.used())).toList());
    }

    /**
     * Wharf's own {@code PUT .../quotas}, for its administrators: {@code {"quotas": [{"quota_key", "quota_limit"}]}},
     * a limit of -1 for none and {@code null} for the operator's default.
     */
    @PUT
    @Path("quotas")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setQuotas(@PathParam("project_id") String projectId, QuotasBody body) {
        if (body == null || body.quotas() == null || body.quotas().isEmpty()) {
            throw WharfException.invalid("quotas", "quotas must list at least one {quota_key, quota_limit}.");
        }
        Map<QuotaKey, Long> limits = new LinkedHashMap<>();
        for (int i = 0; i < body.quotas().size(); i++) {
            QuotaBody q = body.quotas().get(i);
            String field = "quotas[" + i + "]";
            if (q == null) {
                throw WharfException.invalid(field, field + " must be an object.");
            }
            limits.put(QuotaKey.of(q.quotaKey(), field + ".quota_key"),
                    q.quotaLimit() == null ? null : Quota.checkLimit(q.quotaLimit(), field + ".quota_limit"));
        }
        quotaService.set(caller.get(), projectId, limits);
        return Response.noContent().build();
    }

    @GET
    @Path("feature-gates")
    public FeatureGates featureGates(@PathParam("project_id") String projectId) {
        if (!caller.get().projectId().equals(projectId)) {
            throw WharfException.forbidden("The project " + projectId + " is not the caller's project.");
        }
        return new FeatureGates(false, true, true, false, true, false, false, false);
    }
}
