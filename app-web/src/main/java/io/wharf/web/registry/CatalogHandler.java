package io.wharf.web.registry;

import io.wharf.web.Jsonp;
import io.wharf.web.application.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;

import java.io.IOException;
import java.util.List;

/** {@code GET /v2/_catalog}: the repositories the caller may read, paged with {@code n} and {@code last}. */
@ApplicationScoped
class CatalogHandler {
    @Inject
    RegistryService registry;
    @Inject
    RegistryRights rights;

    CatalogHandler() {
    }

    CatalogHandler(RegistryService registry, RegistryRights rights) {
        this.registry = registry;
        this.rights = rights;
    }

    void list(RegistryCall call, Target target) throws IOException {
        var who = target.who();
        if (who.anonymous() || (who.granted() != null && !who.granted().containsKey("registry:catalog"))) {
            rights.challenge(call, "registry:catalog:*");
            throw new RegistryException(RegistryError.UNAUTHORIZED, "Sign in to list repositories.");
        }
        int n = RegistryValues.pageSize(call.parameter("n"));
        List<String> found = registry.catalog(who.caller(), call.parameter("last"), n + 1);
        List<String> page = found.size() > n ? found.subList(0, n) : found;
        if (found.size() > n) {
            call.next("/v2/_catalog", n, page.get(page.size() - 1));
        }
        JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
        page.forEach(list::add);
        call.json(200, Jsonp.PROVIDER.createObjectBuilder().add("repositories", list).build().toString());
    }
}
