package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.Page;
import io.wharf.web.application.RepositoryView;
import io.wharf.web.application.ShareService;
import io.wharf.web.application.SharedView;
import io.wharf.web.application.WharfSettings;
import io.wharf.web.query.ListQuery;
import io.wharf.web.query.SwrFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/**
 * {@code GET /v2/manage/shared-repositories}: {@code center=self} (what my account shares) or {@code center=thirdparty}
 * (what is shared with it), as a JSON array with {@code total_range} and {@code Content-Range}.
 */
@Path("shared-repositories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SharedRepositoriesResource {
    private static final Set<String> ORDER_COLUMNS = Set.of("name", "updated_time", "tag_count");
    private static final Set<String> FILTER_KEYS = RepositoriesResource.keys("center", "name", "namespace",
            "domain_name", "status");

    @Inject
    ShareService shares;
    @Inject
    CurrentCaller caller;
    @Inject
    WharfSettings settings;

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("center") String center,
                         @QueryParam("namespace") String namespace, @QueryParam("name") String name,
                         @QueryParam("domain_name") String domainName, @QueryParam("status") String status,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @QueryParam("order_column") String orderColumn, @QueryParam("order_type") String orderType) {
        SwrFilter parsed = SwrFilter.parse(filter, FILTER_KEYS);
        String side = parsed.valueOr("center", center).orElseThrow(() -> WharfException.invalid("center",
                "center is mandatory: self (shared by me) or thirdparty (shared with me)."));
        if (!side.equals("self") && !side.equals("thirdparty")) {
            throw WharfException.invalid("center", "center must be self or thirdparty.");
        }
        ListQuery list = ListQuery.of(parsed, offset, limit, orderColumn, orderType, ORDER_COLUMNS, "updated_time", true);
        RepositoryQuery.Order order = switch (list.orderColumn()) {
            case "name" -> RepositoryQuery.Order.NAME;
            case "tag_count" -> RepositoryQuery.Order.TAG_COUNT;
            default -> RepositoryQuery.Order.UPDATED_TIME;
        };
        Page<SharedView> found = shares.shared(caller.get(), side.equals("self"),
                parsed.valueOr("namespace", namespace).orElse(null),
                parsed.valueOr("name", name).map(n -> n.replace('$', '/')).orElse(null),
                parsed.valueOr("domain_name", domainName).orElse(null),
                parsed.valueOr("status", status).map(RepositoriesResource::bool).orElse(null),
                order, list.descending(), list.page());
        String registry = settings.registryAddress();
        return Response.ok(found.items().stream().map(v -> RepositoryListItem.of(
                        new RepositoryView(v.repository(), null, v.domainName(), v.tags()), registry,
                        v.status(), found.total())).toList())
                .header("Content-Range", list.contentRange(found.items().size(), found.total()))
                .build();
    }
}
