package io.wharf.web.api.manage;

import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.Page;
import io.wharf.web.application.RepositoryService;
import io.wharf.web.application.RepositoryView;
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

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code GET /v2/manage/repos}: the caller's repositories across organizations, as a JSON array with Content-Range. */
@Path("repos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReposResource {
    private static final Set<String> ORDER_COLUMNS = Arrays.stream(RepositoryQuery.Order.values())
            .map(RepositoryQuery.Order::apiName).collect(Collectors.toSet());
    private static final Set<String> FILTER_KEYS = RepositoriesResource.keys("namespace", "name", "category", "is_public");

    @Inject
    RepositoryService repositories;
    @Inject
    CurrentCaller caller;
    @Inject
    WharfSettings settings;

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("namespace") String namespace,
                         @QueryParam("name") String name, @QueryParam("category") String category,
                         @QueryParam("is_public") String isPublic,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @QueryParam("order_column") String orderColumn, @QueryParam("order_type") String orderType) {
        SwrFilter parsed = SwrFilter.parse(filter, FILTER_KEYS);
        ListQuery list = ListQuery.of(parsed, offset, limit, orderColumn, orderType, ORDER_COLUMNS, "updated_time", true);
        RepositoryQuery.Order order = Arrays.stream(RepositoryQuery.Order.values())
                .filter(o -> o.apiName().equals(list.orderColumn())).findFirst().orElseThrow();
        Page<RepositoryView> found = repositories.list(caller.get(),
                parsed.valueOr("namespace", namespace).orElse(null),
                parsed.valueOr("name", name).map(n -> n.replace('$', '/')).orElse(null),
                parsed.valueOr("category", category).map(Category::of).orElse(null),
                parsed.valueOr("is_public", isPublic).map(RepositoriesResource::bool).orElse(null),
                order, list.descending(), list.page());
        String registry = settings.registryAddress();
        return Response.ok(found.items().stream()
                        .map(v -> RepositoryListItem.of(v, registry, false, found.total())).toList())
                .header("Content-Range", list.contentRange(found.items().size(), found.total()))
                .build();
    }
}
