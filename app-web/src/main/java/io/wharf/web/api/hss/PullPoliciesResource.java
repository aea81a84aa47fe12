package io.wharf.web.api.hss;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.scan.AllowedVulnerability;
import io.wharf.domain.scan.PullPolicy;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.PullPolicyService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wharf's own ship decision (docs/scanning.md): an organization's pull policy and vulnerability allowlist, and the
 * default policy Wharf's administrators set for organizations without their own.
 * <ul>
 * <li>{@code GET/PUT /v5/{project_id}/image/pull-policy}: the default (changed by Wharf's administrators);</li>
 * <li>{@code GET/PUT/DELETE /v5/{project_id}/image/namespaces/{namespace}/pull-policy}: an organization's (read by its
 * readers, changed by its managers; DELETE: follow the default again);</li>
 * <li>{@code GET/POST /v5/{project_id}/image/namespaces/{namespace}/vulnerability-allowlist} and {@code DELETE
 * .../vulnerability-allowlist/{vul_id}}.</li>
 * </ul>
 */
@Path("{project_id}/image")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PullPoliciesResource {
    @Inject
    PullPolicyService service;
    @Inject
    ImageAssetService assets;
    @Inject
    CurrentCaller caller;

    /**
     * A policy: {@code refuse_severity} is critical, high, medium, low or "" (no limit); {@code break_glass_users}
     * (optional) the users of the organization's account served what the policy refuses.
     */
    public record PullPolicyBody(Boolean refuseUnscanned, String refuseSeverity, Boolean refuseMalicious,
                                 List<String> breakGlassUsers) {
        PullPolicy toPolicy() {
            if (refuseUnscanned == null || refuseMalicious == null || refuseSeverity == null) {
                throw WharfException.invalid(refuseUnscanned == null ? "refuse_unscanned" : refuseSeverity == null
                        ? "refuse_severity" : "refuse_malicious", "refuse_unscanned (true or false), refuse_severity"
                        + " (critical, high, medium, low or \"\") and refuse_malicious (true or false) are mandatory.");
            }
            try {
                return PullPolicy.of(refuseUnscanned, refuseSeverity, refuseMalicious,
                        breakGlassUsers == null ? List.of() : breakGlassUsers);
            } catch (WharfException e) {
                if ("severity".equals(e.field())) {
                    throw WharfException.invalid("refuse_severity", "refuse_severity is critical, high, medium, low or \"\".");
                }
                throw e;
            }
        }
    }

    /** An organization's policy: its own ({@code own} true) or the default it follows. */
    public record PullPolicyResponse(String namespace, boolean own, boolean refuseUnscanned, String refuseSeverity,
                                     boolean refuseMalicious, List<String> breakGlassUsers) {
        static PullPolicyResponse of(PullPolicyService.PolicyView view) {
            PullPolicy p = view.policy();
            return new PullPolicyResponse(view.namespace(), view.own(), p.refuseUnscanned(), p.severityName(),
                    p.refuseMalicious(), p.breakGlassUsers());
        }
    }

    public record DefaultPolicyResponse(boolean refuseUnscanned, String refuseSeverity, boolean refuseMalicious) {
        static DefaultPolicyResponse of(PullPolicy p) {
            return new DefaultPolicyResponse(p.refuseUnscanned(), p.severityName(), p.refuseMalicious());
        }
    }

    /** An allowlist entry; times are epoch milliseconds, {@code expires_at} absent (null) for none. */
    public record AllowlistEntry(String vulId, String reason, Long expiresAt, String allowedBy, Long allowedAt) {
        static AllowlistEntry of(AllowedVulnerability a) {
            return new AllowlistEntry(a.vulnerabilityId(), a.reason(), a.expiresAt().map(Instant::toEpochMilli).orElse(null),
                    a.allowedBy(), a.allowedAt().toEpochMilli());
        }
    }

    public record Allowlist(long totalNum, List<AllowlistEntry> dataList) {
    }

    @GET
    @Path("pull-policy")
    public DefaultPolicyResponse defaultPolicy(@PathParam("project_id") String projectId) {
        assets.requireOwnProject(caller.get(), projectId);
        return DefaultPolicyResponse.of(service.defaultPolicy());
    }

    @PUT
    @Path("pull-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public DefaultPolicyResponse setDefault(@PathParam("project_id") String projectId, PullPolicyBody body) {
        assets.requireOwnProject(caller.get(), projectId);
        return DefaultPolicyResponse.of(service.setDefault(caller.get(), required(body).toPolicy()));
    }

    @GET
    @Path("namespaces/{namespace}/pull-policy")
    public PullPolicyResponse policy(@PathParam("project_id") String projectId, @PathParam("namespace") String namespace) {
        assets.requireOwnProject(caller.get(), projectId);
        return PullPolicyResponse.of(service.policy(caller.get(), namespace));
    }

    @PUT
    @Path("namespaces/{namespace}/pull-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public PullPolicyResponse setPolicy(@PathParam("project_id") String projectId, @PathParam("namespace") String namespace,
                                        PullPolicyBody body) {
        assets.requireOwnProject(caller.get(), projectId);
        return PullPolicyResponse.of(service.setPolicy(caller.get(), namespace, required(body).toPolicy()));
    }

    @DELETE
    @Path("namespaces/{namespace}/pull-policy")
    public PullPolicyResponse clearPolicy(@PathParam("project_id") String projectId,
                                          @PathParam("namespace") String namespace) {
        assets.requireOwnProject(caller.get(), projectId);
        return PullPolicyResponse.of(service.clearPolicy(caller.get(), namespace));
    }

    @GET
    @Path("namespaces/{namespace}/vulnerability-allowlist")
    public Allowlist allowlist(@PathParam("project_id") String projectId, @PathParam("namespace") String namespace) {
        assets.requireOwnProject(caller.get(), projectId);
        List<AllowlistEntry> entries = service.allowlist(caller.get(), namespace).stream().map(AllowlistEntry::of).toList();
        return new Allowlist(entries.size(), entries);
    }

    public record AllowRequest(String vulId, String reason, Long expiresAt) {
    }

    @POST
    @Path("namespaces/{namespace}/vulnerability-allowlist")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response allow(@PathParam("project_id") String projectId, @PathParam("namespace") String namespace,
                          AllowRequest body) {
        assets.requireOwnProject(caller.get(), projectId);
        if (body == null) {
            throw WharfException.invalid("vul_id", "The body names vul_id and reason (and expires_at, optional).");
        }
        AllowedVulnerability allowed = service.allow(caller.get(), namespace, body.vulId(), body.reason(),
                Optional.ofNullable(body.expiresAt()).map(Instant::ofEpochMilli));
        return Response.status(Response.Status.CREATED).entity(AllowlistEntry.of(allowed)).build();
    }

    @DELETE
    @Path("namespaces/{namespace}/vulnerability-allowlist/{vul_id}")
    public Response revoke(@PathParam("project_id") String projectId, @PathParam("namespace") String namespace,
                           @PathParam("vul_id") String vulId) {
        assets.requireOwnProject(caller.get(), projectId);
        service.revoke(caller.get(), namespace, vulId);
        return Response.noContent().build();
    }

    private static PullPolicyBody required(PullPolicyBody body) {
        if (body == null) {
            throw WharfException.invalid("refuse_unscanned", "The body is a pull policy: refuse_unscanned,"
                    + " refuse_severity and refuse_malicious.");
        }
        return body;
    }
}
