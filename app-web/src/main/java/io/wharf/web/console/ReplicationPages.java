package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.replication.SyncJob;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.ReplicationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .../repos/<repo>/replication}: where the repository syncs to (automatically after each push or not), a form
 * to add a sync and one to copy chosen tags now, and the jobs with their state and reason, followed in place while
 * one waits or runs. {@code /console/regions}: the sites, which Wharf's administrators add, remove and grant to
 * accounts (an organization or a prefix each); an account's users see the regions granted to it and its grants.
 */
@ApplicationScoped
@Path("regions")
public class ReplicationPages extends ConsoleResource {
    private static final List<String> FORM = List.of("region", "remote_namespace", "tags");

    @Inject
    ReplicationService replication;

    void handle(ConsoleRequest console, String ns, String repo, String base) throws IOException {
        String page = base + "/replication";
        if (console.isPost()) {
            console.submit(page, () -> act(console, ns, repo), (status, error) -> {
                Map<String, Object> form = console.typed(FORM);
                form.put("error", error);
                render(console, ns, repo, base, status, form);
            });
            return;
        }
        render(console, ns, repo, base, 200, Map.of());
    }

    private String act(ConsoleRequest console, String ns, String repo) {
        String region = console.param("region");
        String remote = console.param("remote_namespace");
        boolean override = "on".equals(console.param("override"));
        switch (console.param("action")) {
            case "create" -> {
                replication.createSyncRepo(console.caller(), ns, repo, region, remote, "on".equals(console.param("auto")),
                        override);
                return console.text("replication.added", region + "/" + remote);
            }
            case "sync" -> {
                List<String> tags = Arrays.stream(console.param("tags").split("[,\\s]+")).filter(t -> !t.isEmpty()).toList();
                List<String> queued = replication.syncTags(console.caller(), ns, repo, region, remote, tags, override);
                return console.text("replication.copying", String.join(", ", queued), region + "/" + remote);
            }
            case "delete" -> {
                replication.deleteSyncRepo(console.caller(), ns, repo, region, remote);
                return console.text("replication.removed", region + "/" + remote);
            }
            default -> throw WharfException.invalid("action", "Choose add, copy now or remove.");
        }
    }

    private void render(ConsoleRequest console, String ns, String repo, String base, int status, Map<String, Object> form)
            throws IOException {
        Map<String, Object> model = new HashMap<>(form);
        FORM.forEach(f -> model.putIfAbsent(f.replace("_", ""), ""));
        model.put("base", base);
        model.put("page", base + "/replication");
        model.put("path", ns + "/" + repo);
        model.put("regions", replication.regions(console.caller()));
        model.put("syncs", replication.syncRepos(console.caller(), ns, repo));
        PageRequest request = Paging.request(console);
        Page<SyncJob> jobs = replication.jobs(console.caller(), ns, repo, null, null, request);
        model.put("jobs", jobs.items());
        model.put("paging", Paging.of(request, jobs));
        model.put("running", jobs.items().stream().anyMatch(j -> j.status().equals(SyncJob.WAITING)
                || j.status().equals(SyncJob.RUNNING)));
        console.render(status, "replication", model);
    }

    /** {@code /console/regions}. */
    @Override
    void handle(ConsoleRequest console) throws IOException {
        Map<String, Object> model = new HashMap<>();
        if (console.isPost()) {
            try {
                String region = console.param("region_id");
                if ("delete".equals(console.param("action"))) {
                    replication.removeRegion(console.caller(), region);
                    console.flash(console.text("regions.removed", region));
                } else if ("grant".equals(console.param("action"))) {
                    replication.grant(console.caller(), region, console.param("account"), console.param("namespaces"));
                    console.flash(console.text("regions.granted", console.param("account"), console.param("namespaces"),
                            region));
                } else if ("revoke".equals(console.param("action"))) {
                    replication.revoke(console.caller(), region, console.param("account"), console.param("namespaces"));
                    console.flash(console.text("regions.revoked", console.param("account"), console.param("namespaces"),
                            region));
                } else {
                    replication.addRegion(console.caller(), console.param("region_id"), console.param("url"),
                            console.param("username"), console.param("password"));
                    console.flash(console.text("regions.added", console.param("region_id")));
                }
                console.redirect("/console/regions");
                return;
            } catch (WharfException refused) {
                model.put("error", console.refusal(refused));
                model.put("regionid", console.param("region_id"));
                model.put("url", console.param("url"));
                model.put("username", console.param("username"));
                putRegions(console, model);
                console.render(ConsoleRequest.statusOf(refused), "regions", model);
                return;
            }
        }
        putRegions(console, model);
        model.put("regionid", "");
        model.put("url", "");
        model.put("username", "");
        console.render("regions", model);
    }

    /** The regions the reader may see, each with the grants the reader may see (all of them for administrators). */
    private void putRegions(ConsoleRequest console, Map<String, Object> model) {
        List<io.wharf.domain.replication.Region> regions = replication.regions(console.caller());
        Map<String, List<io.wharf.domain.replication.RegionGrant>> grants = new HashMap<>();
        regions.forEach(r -> grants.put(r.id(), replication.grants(console.caller(), r.id())));
        model.put("regions", regions);
        model.put("grants", grants);
    }
}
