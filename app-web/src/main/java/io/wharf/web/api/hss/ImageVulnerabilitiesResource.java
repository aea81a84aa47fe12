package io.wharf.web.api.hss;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.scan.Vulnerability;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.ScanResultService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;

import static io.wharf.web.api.hss.HssParameters.blank;
import static io.wharf.web.api.hss.HssParameters.number;

/**
 * {@code GET /v5/{project_id}/image/{image_id}/vulnerabilities} (ListImageVulnerabilities): the vulnerabilities the
 * last scan of an image found. The image is named by {@code namespace}, {@code image_name} and {@code tag_name};
 * {@code image_id} must be that image's id or digest. Filters: {@code repair_necessity}, {@code vul_id},
 * {@code app_name} (contains), {@code type} (the package's ecosystem, contains).
 */
@Path("{project_id}/image/{image_id}/vulnerabilities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImageVulnerabilitiesResource {
    @Inject
    ScanResultService results;
    @Inject
    ImageAssetService assets;
    @Inject
    CurrentCaller caller;

    /**
     * ImageVulInfo, and Wharf's extensions (docs/hss.md): {@code severity} (critical ... unknown), {@code cvss_score}
     * (null when the advisory gives no vector), {@code cve_id}, {@code fixed_version} ("" when none is known).
     */
    public record VulnerabilityInfo(String vulId, String repairNecessity, String description, String position,
                                    String appName, String appPath, String version, String solution, String url,
                                    String severity, Double cvssScore, String cveId, String fixedVersion) {
        static VulnerabilityInfo of(Vulnerability v) {
            return new VulnerabilityInfo(v.vulId(), v.repairNecessity(), v.summary(), v.ecosystem(), v.packageName(),
                    v.location(), v.version(), v.fixedVersion().isEmpty() ? "No fixed version is known yet."
                    : "Upgrade " + v.packageName() + " to " + v.fixedVersion() + " or later.", v.url(), v.severity(),
                    v.cvssScore() < 0 ? null : v.cvssScore(), v.cveId(), v.fixedVersion());
        }
    }

    private static final java.util.Set<String> REPAIR_NECESSITIES = java.util.Set.of("immediate_repair", "delay_repair",
            "not_needed_repair");

    public record VulnerabilityList(long totalNum, List<VulnerabilityInfo> dataList) {
    }

    @GET
    public VulnerabilityList list(@PathParam("project_id") String projectId, @PathParam("image_id") String imageId,
                                  @QueryParam("image_type") String imageType, @QueryParam("offset") String offset,
                                  @QueryParam("limit") String limit, @QueryParam("namespace") String namespace,
                                  @QueryParam("image_name") String imageName, @QueryParam("tag_name") String tagName,
                                  @QueryParam("repair_necessity") String repairNecessity, @QueryParam("vul_id") String vulId,
                                  @QueryParam("app_name") String appName, @QueryParam("type") String type) {
        assets.requireOwnProject(caller.get(), projectId);
        if (imageType == null || !(imageType.equals("private_image") || imageType.equals("shared_image"))) {
            throw WharfException.invalid("image_type", "image_type is mandatory: private_image or shared_image.");
        }
        if (blank(namespace) || blank(imageName) || blank(tagName)) {
            throw WharfException.invalid("namespace", "namespace, image_name and tag_name name the image.");
        }
        if (!blank(repairNecessity) && !REPAIR_NECESSITIES.contains(repairNecessity)) {
            throw WharfException.invalid("repair_necessity",
                    "repair_necessity is immediate_repair, delay_repair or not_needed_repair.");
        }
        int first = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, 10, 1, ImageAssetsResource.MAX_LIMIT);
        ScanResultService.ScannedImage image = results.image(caller.get(), namespace, imageName, tagName);
        if (!imageId.equals(image.tag().imageId()) && !imageId.equals(image.tag().digest())) {
            throw WharfException.notFound(Subject.IMAGE, "The image " + imageId + " is not " + namespace + "/"
                    + imageName + ":" + tagName + ".");
        }
        List<Vulnerability> found = results.vulnerabilities(image).stream()
                .filter(v -> blank(repairNecessity) || v.repairNecessity().equals(repairNecessity))
                .filter(v -> blank(vulId) || v.vulId().equals(vulId) || v.cveId().equals(vulId))
                .filter(v -> blank(appName) || v.packageName().toLowerCase(Locale.ROOT).contains(appName.toLowerCase(Locale.ROOT)))
                .filter(v -> blank(type) || v.ecosystem().toLowerCase(Locale.ROOT).contains(type.toLowerCase(Locale.ROOT)))
                .toList();
        return new VulnerabilityList(found.size(), found.stream().skip(first).limit(size).map(VulnerabilityInfo::of).toList());
    }
}
