package io.wharf.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The HSS image API root; its resources arrive with the image-asset work, until then every path is a JSON 404. */
@ApplicationPath("/v5")
public class HssApi extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with();
    }
}
