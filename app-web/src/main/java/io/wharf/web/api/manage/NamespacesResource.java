package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.NamespaceService;
import io.wharf.web.application.NamespaceView;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import io.wharf.web.query.ListQuery;
import io.wharf.web.query.SwrFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/** Organizations: {@code /v2/manage/namespaces}. */
@Path("namespaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NamespacesResource {
    private static final Set<String> FILTER_KEYS = Set.of("namespace", "mode");

    @Inject
    NamespaceService namespaces;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateNamespaceRequest body) {
        if (body == null || body.namespace() == null) {
            throw WharfException.invalid("body", "The body must name the organization: {\"namespace\": \"...\"}.");
        }
        namespaces.create(caller.get(), body.namespace());
        return Response.status(Response.Status.CREATED).entity("{}").build();
    }

    /**
     * {@code namespace} (or {@code filter=namespace::x}) keeps the names containing that text; {@code mode::visible}
     * adds the organizations seen only through a granted repository. Paged with {@code offset} and {@code limit}
     * (default and maximum 1000); the list's full size is in {@code Content-Range}.
     */
    @GET
    public Response list(@QueryParam("namespace") String namespace, @QueryParam("filter") String filter,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        SwrFilter parsed = SwrFilter.parse(filter, FILTER_KEYS);
        parsed.value("mode").filter(mode -> !mode.equals("visible")).ifPresent(mode -> {
            throw WharfException.invalid("filter", "Invalid filter: mode can only be 'visible'.");
        });
        PageRequest page = PageRequest.of(offset, limit, PageRequest.MAX_LIMIT);
        Page<NamespaceView> found = namespaces.list(caller.get(), parsed.valueOr("namespace", namespace).orElse(null),
                parsed.value("mode").isPresent(), page);
        return Response.ok(new NamespaceListResponse(found.items().stream().map(NamespaceResponse::of).toList()))
                .header("Content-Range", new ListQuery(page, "name", false).contentRange(found.items().size(), found.total()))
                .build();
    }

    @GET
    @Path("{namespace}")
    public NamespaceResponse show(@PathParam("namespace") String namespace) {
        return NamespaceResponse.of(namespaces.show(caller.get(), namespace));
    }

    @DELETE
    @Path("{namespace}")
    public Response delete(@PathParam("namespace") String namespace) {
        namespaces.delete(caller.get(), namespace);
        return Response.noContent().build();
    }
}
