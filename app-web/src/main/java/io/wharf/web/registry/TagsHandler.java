package io.wharf.web.registry;

import io.wharf.web.Jsonp;
import io.wharf.web.application.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;

import java.io.IOException;
import java.util.List;

/** {@code GET /v2/<name>/tags/list}: a repository's tags in order, paged with {@code n} and {@code last}. */
@ApplicationScoped
class TagsHandler {
    @Inject
    RegistryService registry;

    TagsHandler() {
    }

    TagsHandler(RegistryService registry) {
        this.registry = registry;
    }

    void list(RegistryCall call, Target target) throws IOException {
        int n = RegistryValues.pageSize(call.parameter("n"));
        List<String> found = registry.tags(target.repository().id(), call.parameter("last"), n + 1);
        List<String> page = found.size() > n ? found.subList(0, n) : found;
        if (found.size() > n) {
            call.next("/v2/" + target.path() + "/tags/list", n, page.get(page.size() - 1));
        }
        JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
        page.forEach(list::add);
        call.json(200, Jsonp.PROVIDER.createObjectBuilder().add("name", target.path().toString()).add("tags", list).build()
                .toString());
    }
}
