package io.wharf.web.api;

import io.wharf.web.api.hss.BatchScanResource;
import io.wharf.web.api.hss.ImageAssetsResource;
import io.wharf.web.api.hss.ImageVulnerabilitiesResource;
import io.wharf.web.api.hss.PullPoliciesResource;
import io.wharf.web.api.hss.RiskConfigsResource;
import io.wharf.web.api.hss.ScanSettingsResource;
import io.wharf.web.api.hss.SyncRegistriesResource;
import io.wharf.web.api.hss.SyncTasksResource;
import io.wharf.web.api.hss.VulnerabilityCvesResource;
import io.wharf.web.api.hss.VulnerabilityFeedsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The HSS image API root: the image list over Wharf's registry, image scans and their findings, feeds. */
@ApplicationPath("/v5")
public class HssApi extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with(ImageAssetsResource.class, SyncRegistriesResource.class, SyncTasksResource.class,
                BatchScanResource.class, ImageVulnerabilitiesResource.class, VulnerabilityCvesResource.class,
                VulnerabilityFeedsResource.class, RiskConfigsResource.class, ScanSettingsResource.class,
                PullPoliciesResource.class);
    }
}
