package io.wharf.web.api;

import io.wharf.web.api.hss.ImageAssetsResource;
import io.wharf.web.api.hss.SyncRegistriesResource;
import io.wharf.web.api.hss.SyncTasksResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The HSS image API root: the image list over Wharf's registry. */
@ApplicationPath("/v5")
public class HssApi extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with(ImageAssetsResource.class, SyncRegistriesResource.class, SyncTasksResource.class);
    }
}
