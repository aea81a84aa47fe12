package io.wharf.web.console;

import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.web.application.NamespaceService;
import io.wharf.web.application.NamespaceView;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.RepositoryService;
import io.wharf.web.application.RepositoryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /console/search?q=}: the one search box. Organizations and repositories whose names contain the text, tags
 * whose names contain it, and tags whose image digest starts with it (with or without "sha256:"), among what the
 * caller may see; case does not matter (names of organizations and
 * repositories are lowercase by rule, tags are compared lowercased).
 */
@ApplicationScoped
@Path("search")
public class SearchPages extends ConsoleResource {
    static final int SHOWN = 20;
    /** How many of the caller's most recently updated repositories the tag search reads. */
    static final int TAG_SCOPE = 200;

    /** A digest or the start of one: "sha256:" optional, at least six hexadecimal digits. */
    private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("(?:sha256:)?([0-9a-f]{6,64})");

    @Inject
    NamespaceService namespaces;
    @Inject
    RepositoryService repositories;

    /** A repository found: its path and its page. */
    public record FoundRepository(String path, String page) {
    }

    /** A tag found: its repository's path and page, and the tag. */
    public record FoundTag(String path, String page, String tag, String label) {
    }

    @Override
    void handle(ConsoleRequest console) throws IOException {
        String text = console.param("q");
        String q = text.toLowerCase(Locale.ROOT);
        Map<String, Object> model = new HashMap<>();
        model.put("q", text);
        if (q.isEmpty() || q.length() > 200) {
            model.put("namespaces", List.of());
            model.put("repositories", List.of());
            model.put("tags", List.of());
            model.put("searched", false);
            console.render("search", model);
            return;
        }
        List<NamespaceView> orgs = namespaces.list(console.caller(), q, new PageRequest(0, SHOWN)).items();
        List<FoundRepository> repos = repositories.list(console.caller(), null, q, null, null,
                RepositoryQuery.Order.NAME, false, new PageRequest(0, SHOWN)).items().stream()
                .map(r -> new FoundRepository(r.repository().path(), page(r))).toList();
        List<FoundTag> tags = repositories.list(console.caller(), null, null, null, null,
                        RepositoryQuery.Order.UPDATED_TIME, true, new PageRequest(0, TAG_SCOPE)).items().stream()
                .flatMap(r -> r.tags().stream().filter(t -> t.toLowerCase(Locale.ROOT).contains(q))
                        .map(t -> new FoundTag(r.repository().path(), page(r), t, r.repository().path() + ":" + t)))
                .limit(SHOWN).toList();
        java.util.regex.Matcher digest = DIGEST.matcher(q);
        if (digest.matches()) {
            String prefix = "sha256:" + digest.group(1);
            tags = new java.util.ArrayList<>(tags);
            for (var found : repositories.tagsByDigest(console.caller(), prefix, TAG_SCOPE, SHOWN)) {
                tags.add(new FoundTag(found.getKey().repository().path(), page(found.getKey()), found.getValue().tag(),
                        found.getKey().repository().path() + ":" + found.getValue().tag() + "@" + found.getValue().digest()));
            }
        }
        model.put("namespaces", orgs);
        model.put("repositories", repos);
        model.put("tags", tags);
        model.put("searched", true);
        console.render("search", model);
    }

    static String page(RepositoryView view) {
        return "/console/namespaces/" + view.repository().namespace().value() + "/repos/"
                + view.repository().name().inPath();
    }
}
