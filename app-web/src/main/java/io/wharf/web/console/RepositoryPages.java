package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.web.application.NamespaceService;
import io.wharf.web.application.NamespaceView;
import io.wharf.web.application.Page;
import io.wharf.web.application.ScanResultService;
import io.wharf.web.application.ScanService;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.PermissionService;
import io.wharf.web.application.RepositoryService;
import io.wharf.web.application.RepositoryTags;
import io.wharf.web.application.RepositoryView;
import io.wharf.web.application.ShareService;
import io.wharf.domain.permission.Permission;
import io.wharf.web.application.WharfSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An organization's repositories ({@code /console/namespaces/<ns>}: search, category, pages, create) and one
 * repository ({@code /console/namespaces/<ns>/repos/<repo$path>}: brief, pull address, tags, edit, delete).
 */
@ApplicationScoped
@Path("namespaces/{ns}")
public class RepositoryPages extends ConsoleSection {
    private static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Category::apiName).toList();

    @Inject
    NamespaceService namespaces;
    @Inject
    RepositoryService repositories;
    @Inject
    WharfSettings settings;
    @Inject
    io.wharf.web.application.AccountService accounts;
    @Inject
    SharePages shares;
    @Inject
    ShareService shareService;
    @Inject
    PermissionService permissionService;
    @Inject
    ScanResultService scanResults;
    @Inject
    ScanService scanService;
    @Inject
    RetentionPages retentionPages;
    @Inject
    TriggerPages triggerPages;
    @Inject
    ReplicationPages replicationPages;

    @Inject
    NamespacePages namespacePages;
    @Inject
    PullPolicyPages pullPolicyPages;
    @Inject
    io.wharf.web.application.PullPolicyService pullPolicy;

    /** {@code <ns>/delete} deletes the organization itself; everything else under it is this page's. */
    @Override
    void handleUnder(ConsoleRequest console) throws IOException {
        String[] path = console.path();
        if (path.length == 3 && path[2].equals("delete")) {
            namespacePages.handle(console);
        } else {
            handle(console);
        }
    }

    /** Handles {@code /console/namespaces/<ns>[/repos/<repo>[/edit|/delete|/tags/<tag>/delete]]}. */
    @Override
    void handle(ConsoleRequest console) throws IOException {
        String[] path = console.path();
        String ns = path[1];
        if (path.length == 2) {
            if (console.isPost()) {
                create(console, ns);
            } else {
                list(console, ns, 200, Map.of());
            }
            return;
        }
        if (path.length == 3 && path[2].equals("pull-policy")) {
            pullPolicyPages.handle(console, ns);
            return;
        }
        if (path.length >= 3 && path[2].equals("permissions")) {
            String page = "/console/namespaces/" + ns;
            permissions(console, page, path, 3, new Grants(
                    (user, auth) -> permissionService.grantOnNamespaceByName(console.caller(), ns, user, auth),
                    userId -> permissionService.revokeOnNamespace(console.caller(), ns, List.of(userId))),
                    (status, error) -> list(console, ns, status, Map.of("permissionError", error,
                            "grantUser", console.param("user_name"))));
            return;
        }
        if (path.length < 4 || !path[2].equals("repos")) {
            console.redirect("/console/namespaces/" + ns);
            return;
        }
        String repo = path[3];
        String action = path.length == 4 ? "" : path[4];
        switch (action) {
            case "" -> detail(console, ns, repo, 200, Map.of());
            case "edit" -> edit(console, ns, repo);
            case "delete" -> delete(console, ns, repo);
            case "tags" -> tag(console, ns, repo, path.length > 5 ? path[5] : "", path.length > 6 ? path[6] : "");
            case "retention" -> retentionPages.handle(console, ns, repo, base(ns, repo));
            case "triggers" -> triggerPages.handle(console, ns, repo, base(ns, repo));
            case "replication" -> replicationPages.handle(console, ns, repo, base(ns, repo));
            case "permissions" -> permissions(console, base(ns, repo) + "?tab=permissions", path, 5, new Grants(
                    (user, auth) -> permissionService.grantOnRepositoryByName(console.caller(), ns, repo, user, auth),
                    userId -> permissionService.revokeOnRepository(console.caller(), ns, repo, List.of(userId))),
                    (status, error) -> detail(console, ns, repo, status, Map.of("permissionError", error,
                            "grantUser", console.param("user_name"), "tab", "permissions")));
            case "tags-delete" -> deleteTags(console, ns, repo);
            case "shares" -> shares.handle(console, ns, repo, base(ns, repo), path.length > 5 ? path[5] : "",
                    path.length > 6 ? path[6] : "", this::detail);
            default -> console.redirect(base(ns, repo));
        }
    }

    private static String base(String ns, String repo) {
        return "/console/namespaces/" + ns + "/repos/" + repo;
    }

    private void list(ConsoleRequest console, String ns, int status, Map<String, Object> form) throws IOException {
        String search = console.param("q");
        String category = console.param("category");
        PageRequest request = Paging.request(console);
        Map<String, Object> model = new HashMap<>(form);
        Sorting sort = Sorting.of(console, List.of("name", "updated", "images"));
        RepositoryQuery.Order order = switch (sort.key()) {
            case "updated" -> RepositoryQuery.Order.UPDATED_TIME;
            case "images" -> RepositoryQuery.Order.TAG_COUNT;
            default -> RepositoryQuery.Order.NAME;
        };
        Page<RepositoryView> page = repositories.listIn(console.caller(), ns,
                search.isEmpty() ? null : search.toLowerCase(java.util.Locale.ROOT),
                category.isEmpty() ? null : Category.of(category), order, sort.descending(), request);
        model.put("sort", sort.param());
        NamespaceView namespace = namespaces.show(console.caller(), ns);
        model.put("namespace", namespace);
        model.put("access", namespace.auth().includes(Permission.MANAGE)
                ? permissionService.onNamespace(console.caller(), ns) : null);
        model.put("users", namespace.auth().includes(Permission.MANAGE) ? userNames(console) : List.of());
        model.putIfAbsent("grantUser", "");
        model.put("repositories", page.items());
        model.put("paging", Paging.of(request, page));
        model.put("q", search);
        model.put("category", category);
        model.put("categories", CATEGORIES);
        model.putIfAbsent("name", "");
        model.putIfAbsent("description", "");
        console.render(status, "repositories", model);
    }

    private void create(ConsoleRequest console, String ns) throws IOException {
        String name = console.param("repository");
        try {
            repositories.create(console.caller(), ns, name, details(console));
            console.flash(console.text("repositories.created", ns + "/" + name));
            console.redirect(base(ns, new RepositoryName(name).inPath()));
        } catch (WharfException refused) {
            list(console, ns, ConsoleRequest.statusOf(refused), Map.of("name", name,
                    "description", console.param("description"), "error", console.refusal(refused)));
        }
    }

    private static RepositoryDetails details(ConsoleRequest console) {
        String category = console.param("category");
        return new RepositoryDetails(category.isEmpty() ? null : Category.of(category), console.param("description"),
                console.param("is_public").equals("on"));
    }

    /** Renders a repository's page with a status and extra form values (an error, the fields a person typed). */
    interface Detail {
        void render(ConsoleRequest console, String ns, String repo, int status, Map<String, Object> form) throws IOException;
    }

    void detail(ConsoleRequest console, String ns, String repo, int status, Map<String, Object> form)
            throws IOException {
        RepositoryView view = repositories.show(console.caller(), ns, repo);
        String tab = tab(form.getOrDefault("tab", console.param("tab")).toString(), form);
        Map<String, Object> model = new HashMap<>(form);
        model.put("tab", tab);
        model.put("view", view);
        model.put("repo", view.repository());
        model.put("base", base(ns, repo));
        model.put("pull", settings.registryAddress() + "/" + view.repository().path());
        model.put("q", console.param("q"));
        model.put("sort", "");
        switch (tab) {
            case "settings" -> model.put("categories", CATEGORIES);
            case "sharing" -> {
                model.put("shares", view.auth().includes(Permission.EDIT)
                        ? shareService.list(console.caller(), ns, repo, new PageRequest(0, PageRequest.MAX_LIMIT)).items()
                        : List.of());
                model.put("now", Instant.now());
                model.put("receivers", view.auth().includes(Permission.MANAGE) ? shareService.knownReceivers(console.caller(), 200)
                        : List.of());
                model.putIfAbsent("shareAccount", "");
                model.putIfAbsent("shareDeadline", "");
            }
            case "permissions" -> {
                model.put("access", view.auth().includes(Permission.MANAGE)
                        && view.repository().accountId().equals(console.caller().accountId())
                        ? permissionService.onRepository(console.caller(), ns, repo) : null);
                model.put("users", userNames(console));
            }
            default -> {
                PageRequest request = Paging.request(console);
                String search = console.param("q");
                RepositoryTags tags = repositories.tags(console.caller(), ns, repo, search.isEmpty() ? null : search,
                        true, true, request);
                List<Artifact> artifacts = Artifact.of(tags.tags().items(), repositories.pulls(tags));
                model.put("artifacts", artifacts);
                model.put("scans", scanResults.scansOf(view.repository().id(),
                        artifacts.stream().map(Artifact::digest).toList()));
                model.put("refusals", pullPolicy.refusals(view.repository(),
                        artifacts.stream().map(Artifact::digest).toList()));
                model.put("paging", Paging.of(request, tags.tags()));
            }
        }
        model.putIfAbsent("grantUser", "");
        console.render(status, "repository", model);
    }

    /** The account's user names for the permission form's picker; none when the caller may not list them. */
    private List<String> userNames(ConsoleRequest console) {
        try {
            return accounts.listUsers(console.caller(), console.caller().accountId(), new PageRequest(0, PageRequest.MAX_LIMIT))
                    .items().stream().map(u -> u.name().value()).toList();
        } catch (WharfException notAllowed) {
            return List.of();
        }
    }

    /** The tab a refused form belongs to wins over the one asked for; the artifact list is the default. */
    private static String tab(String asked, Map<String, Object> form) {
        if (form.containsKey("shareError")) {
            return "sharing";
        }
        if (form.containsKey("permissionError")) {
            return "permissions";
        }
        if (form.containsKey("error")) {
            return "settings";
        }
        return List.of("settings", "sharing", "permissions").contains(asked) ? asked : "artifacts";
    }

    /**
     * Deletes the tags ticked on the artifact list: the first POST asks to confirm (naming them), the second, with
     * {@code confirmed}, deletes them one by one and says how many went.
     */
    private void deleteTags(ConsoleRequest console, String ns, String repo) throws IOException {
        List<String> chosen = console.params("tag");
        if (!console.isPost() || chosen.isEmpty()) {
            console.redirect(base(ns, repo));
            return;
        }
        if (!console.param("confirmed").equals("yes")) {
            console.render("confirm", Map.of("title", console.text("tags.deleteMany", chosen.size()),
                    "message", console.text("tags.deleteManyMessage", String.join(", ", chosen)),
                    "action", base(ns, repo) + "/tags-delete", "button", console.text("tags.delete"),
                    "cancel", base(ns, repo), "hidden", Map.of("tag", chosen, "confirmed", List.of("yes"))));
            return;
        }
        chosen.forEach(tag -> repositories.deleteTag(console.caller(), ns, repo, tag));
        console.flash(console.text("tags.deletedMany", chosen.size()));
        console.redirect(base(ns, repo));
    }

    private void edit(ConsoleRequest console, String ns, String repo) throws IOException {
        if (!console.isPost()) {
            console.redirect(base(ns, repo));
            return;
        }
        try {
            repositories.update(console.caller(), ns, repo, details(console));
            console.flash(console.text("repository.updated.flash"));
            console.redirect(base(ns, repo) + "?tab=settings");
        } catch (WharfException refused) {
            detail(console, ns, repo, ConsoleRequest.statusOf(refused), Map.of("error", console.refusal(refused)));
        }
    }

    private void delete(ConsoleRequest console, String ns, String repo) throws IOException {
        RepositoryView view = repositories.show(console.caller(), ns, repo);
        if (!console.isPost()) {
            console.render("confirm", Map.of("title", console.text("namespaces.deleteTitle", view.repository().path()),
                    "message", console.text("repositories.deleteMessage"),
                    "action", base(ns, repo) + "/delete", "button", console.text("repository.delete"),
                    "cancel", base(ns, repo) + "?tab=settings"));
            return;
        }
        repositories.delete(console.caller(), ns, repo);
        console.flash(console.text("repositories.deleted", view.repository().path()));
        console.redirect("/console/namespaces/" + ns);
    }

    /** How a permission is given and taken away on an organization or a repository. */
    record Grants(java.util.function.ObjIntConsumer<String> give, java.util.function.Consumer<String> remove) {
    }

    /**
     * {@code .../permissions} (POST gives one) and {@code .../permissions/<userId>/delete} (GET asks to confirm, POST
     * removes), for an organization or a repository; a refusal shows {@code page} again with the error and what was typed.
     */
    private void permissions(ConsoleRequest console, String page, String[] path, int at, Grants grants,
                             ConsoleRequest.Rerender refused) throws IOException {
        String userId = path.length > at ? path[at] : "";
        boolean removal = path.length > at + 1 && path[at + 1].equals("delete");
        if (!userId.isEmpty() && removal && !console.isPost()) {
            console.render("confirm", Map.of("title", console.text("permissions.removeTitle"),
                    "message", console.text("permissions.removeMessage"),
                    "action", page.replaceFirst("\\?.*$", "") + "/permissions/" + userId + "/delete",
                    "button", console.text("permissions.remove"), "cancel", page));
            return;
        }
        if (!console.isPost()) {
            console.redirect(page);
            return;
        }
        console.submit(page, () -> {
            if (userId.isEmpty()) {
                String user = console.param("user_name");
                grants.give().accept(user, console.intParam("auth", 0));
                return console.text("permissions.given", user);
            }
            grants.remove().accept(userId);
            return console.text("permissions.removed");
        }, refused);
    }

    /** {@code .../tags/<tag>/(delete|scan|sbom)}. */
    private void tag(ConsoleRequest console, String ns, String repo, String tag, String action) throws IOException {
        switch (action) {
            case "delete" -> deleteTag(console, ns, repo, tag);
            case "scan" -> scan(console, ns, repo, tag);
            case "sbom" -> sbom(console, ns, repo, tag);
            default -> console.redirect(base(ns, repo));
        }
    }

    /**
     * A tag's security page: scan state and counts, the vulnerabilities (filtered by severity, package and whether a
     * fix exists), unsafe settings with their rules, malicious files; POST asks for a new scan.
     */
    private void scan(ConsoleRequest console, String ns, String repo, String tag) throws IOException {
        String page = base(ns, repo) + "/tags/" + tag + "/scan";
        if (console.isPost()) {
            var image = scanResults.scannable(console.caller(), ns, repo, tag);
            scanService.requestAll(Map.of(image.getKey(), List.of(image.getValue())));
            console.flash("A scan of " + tag + " is queued; this page shows it once it has run.");
            console.redirect(page);
            return;
        }
        ScanResultService.ScannedImage image = scanResults.image(console.caller(), ns, repo, tag);
        String severity = console.param("severity");
        String pkg = console.param("package").toLowerCase(java.util.Locale.ROOT);
        boolean fixable = console.param("fixable").equals("yes");
        Map<String, Object> model = new HashMap<>();
        model.put("base", base(ns, repo));
        model.put("page", page);
        model.put("path", ns + "/" + RepositoryName.fromPath(repo) + ":" + tag);
        model.put("tag", image.tag());
        model.put("scan", image.scan().orElse(null));
        List<io.wharf.domain.scan.Vulnerability> vulnerabilities = scanResults.vulnerabilities(image).stream()
                .filter(v -> severity.isEmpty() || v.severity().equals(severity))
                .filter(v -> pkg.isEmpty() || v.packageName().toLowerCase(java.util.Locale.ROOT).contains(pkg))
                .filter(v -> !fixable || !v.fixedVersion().isEmpty()).toList();
        model.put("vulnerabilities", vulnerabilities);
        model.put("advisories", AdvisoryGroup.of(vulnerabilities));
        var shown = repositories.show(console.caller(), ns, repo);
        model.put("refusal", pullPolicy.refusals(shown.repository(), List.of(image.tag().digest()))
                .get(image.tag().digest()));
        model.put("risks", scanResults.riskChecks(image));
        model.put("malicious", scanResults.maliciousFiles(image));
        model.put("severity", severity);
        model.put("package", console.param("package"));
        model.put("fixable", fixable);
        model.put("mayScan", shown.auth().includes(Permission.EDIT));
        console.render("scan", model);
    }

    private void sbom(ConsoleRequest console, String ns, String repo, String tag) throws IOException {
        ScanResultService.ScannedImage image = scanResults.image(console.caller(), ns, repo, tag);
        String path = ns + "/" + RepositoryName.fromPath(repo);
        String sbom = scanResults.sbom(image, path).orElseThrow(() -> io.wharf.domain.error.WharfException.notFound(
                io.wharf.domain.error.Subject.IMAGE, "The image " + path + ":" + tag + " has not been scanned yet."));
        console.download(path.replace('/', '_') + "_" + tag + ".cdx.json", "application/vnd.cyclonedx+json",
                sbom.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void deleteTag(ConsoleRequest console, String ns, String repo, String tag) throws IOException {
        if (!console.isPost()) {
            console.render("confirm", Map.of("title", console.text("tags.deleteMany", 1),
                    "message", console.text("tags.deleteManyMessage", tag),
                    "action", base(ns, repo) + "/tags/" + tag + "/delete", "button", console.text("tags.delete"),
                    "cancel", base(ns, repo)));
            return;
        }
        repositories.deleteTag(console.caller(), ns, repo, tag);
        console.flash(console.text("tags.deletedMany", 1));
        console.redirect(base(ns, repo));
    }
}
