package io.wharf.web.api.manage;

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

    public record FeatureGates(boolean enableExperience, boolean enableHssService, boolean enableImageScan,
                               boolean enableSm3, boolean enableImageSync, boolean enableCciService,
                               boolean enableImageLabel, boolean enablePipeline) {
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
