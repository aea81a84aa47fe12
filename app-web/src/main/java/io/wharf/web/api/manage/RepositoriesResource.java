package io.wharf.web.api.manage;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.api.JsonSettings;
import io.wharf.web.application.RepositoryService;
import io.wharf.web.application.RepositoryTags;
import io.wharf.web.application.WharfSettings;
import io.wharf.web.query.ListQuery;
import io.wharf.web.query.SwrFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.HashSet;
import java.util.Set;

/**
 * One organization's image repositories: {@code /v2/manage/namespaces/{namespace}/repos}. In paths a {@code /}
 * inside a repository name is written {@code $}.
 */
@Path("namespaces/{namespace}/repos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RepositoriesResource {
    private static final Set<String> TAG_ORDER_COLUMNS = Set.of("tag", "updated_at");
    private static final Set<String> TAG_FILTER_KEYS = keys("tag");

    @Inject
    RepositoryService repositories;
    @Inject
    CurrentCaller caller;
    @Inject
    WharfSettings settings;

    static Set<String> keys(String... own) {
        Set<String> keys = new HashSet<>(ListQuery.KEYS);
        keys.addAll(Set.of(own));
        return keys;
    }

    /**
     * Accepts the JSON body the SDK and the reference send, or, with no body, the query parameters of the page's
     * example ({@code ?repository=test&category=linux&description=test&is_public=false}).
     */
    @POST
    public Response create(@PathParam("namespace") String namespace, String body,
                           @QueryParam("repository") String repository, @QueryParam("is_public") String isPublic,
                           @QueryParam("category") String category, @QueryParam("description") String description) {
        CreateRepositoryRequest request = body == null || body.isBlank()
                ? new CreateRepositoryRequest(repository, isPublic == null ? null : bool(isPublic), category, description)
                : JsonSettings.JSONB.fromJson(body, CreateRepositoryRequest.class);
        if (request == null || request.repository() == null) {
            throw WharfException.invalid("body", "repository is mandatory.");
        }
        repositories.create(caller.get(), namespace, request.repository(),
                details(request.isPublic(), request.category(), request.description()));
        return Response.ok("{}").build();
    }

    @GET
    @Path("{repository}")
    public RepositoryResponse show(@PathParam("namespace") String namespace, @PathParam("repository") String repository) {
        return RepositoryResponse.of(repositories.show(caller.get(), namespace, repository), settings.registryAddress());
    }

    @PATCH
    @Path("{repository}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                           UpdateRepositoryRequest body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs is_public, and may set category and description.");
        }
        repositories.update(caller.get(), namespace, repository, details(body.isPublic(), body.category(), body.description()));
        return Response.status(Response.Status.CREATED).build();
    }

    @DELETE
    @Path("{repository}")
    public Response delete(@PathParam("namespace") String namespace, @PathParam("repository") String repository) {
        repositories.delete(caller.get(), namespace, repository);
        return Response.noContent().build();
    }

    @GET
    @Path("{repository}/tags")
    public Response tags(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                         @QueryParam("filter") String filter, @QueryParam("tag") String tag,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @QueryParam("order_column") String orderColumn, @QueryParam("order_type") String orderType) {
        SwrFilter parsed = SwrFilter.parse(filter, TAG_FILTER_KEYS);
        ListQuery list = ListQuery.of(parsed, offset, limit, orderColumn, orderType, TAG_ORDER_COLUMNS, "updated_at", true);
        boolean byUpdateTime = list.orderColumn().equals("updated_at");
        RepositoryTags found = repositories.tags(caller.get(), namespace, repository,
                parsed.valueOr("tag", tag).orElse(null), byUpdateTime, list.descending(),
                list.page());
        String registry = settings.registryAddress();
        return Response.ok(found.tags().items().stream()
                        .map(t -> TagResponse.of(found.repository(), t, registry)).toList())
                .header("Content-Range", list.contentRange(found.tags().items().size(), found.tags().total()))
                .build();
    }

    /** {@code CreateRepoTag}: {@code {"source_tag", "destination_tag", "override"}}; 201 with no body. */
    public record CreateTagRequest(String sourceTag, String destinationTag, Boolean override) {
    }

    @POST
    @Path("{repository}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createTag(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                              CreateTagRequest body) {
        if (body == null) {
            throw WharfException.invalid("body", "The body needs source_tag and destination_tag.");
        }
        repositories.tagImage(caller.get(), namespace, repository, body.sourceTag(), body.destinationTag(),
                Boolean.TRUE.equals(body.override()));
        return Response.status(Response.Status.CREATED).build();
    }

    @DELETE
    @Path("{repository}/tags/{tag}")
    public Response deleteTag(@PathParam("namespace") String namespace, @PathParam("repository") String repository,
                              @PathParam("tag") String tag) {
        repositories.deleteTag(caller.get(), namespace, repository, tag);
        return Response.noContent().build();
    }

    static RepositoryDetails details(Boolean isPublic, String category, String description) {
        if (isPublic == null) {
            throw WharfException.invalid("is_public", "is_public is mandatory and must be true or false.");
        }
        return new RepositoryDetails(category == null || category.isEmpty() ? null : Category.of(category),
                description, isPublic);
    }

    static Boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw WharfException.invalid("is_public", "is_public must be true or false.");
        };
    }
}
