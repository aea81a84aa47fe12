package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.domain.share.Deadline;
import io.wharf.domain.share.ShareTerms;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.ShareService;
import io.wharf.web.application.SharedView;
import io.wharf.web.application.WharfSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sharing in the console: on a repository's page, add a share, change its deadline, remove it
 * ({@code .../shares[/<account>/edit|delete]}); and the "Shared with me" / "Shared by me" lists ({@code /console/shared}).
 */
@ApplicationScoped
public class SharePages {
    @Inject
    ShareService shares;
    @Inject
    WharfSettings settings;

    void handle(ConsoleRequest console, String ns, String repo, String base, String account, String action,
                RepositoryPages.Detail detail) throws IOException {
        if (account.isEmpty()) {
            add(console, ns, repo, base, detail);
        } else if (action.equals("edit") && console.isPost()) {
            change(console, ns, repo, base, account, detail);
        } else if (action.equals("delete")) {
            remove(console, ns, repo, base, account);
        } else {
            console.redirect(base);
        }
    }

    private void add(ConsoleRequest console, String ns, String repo, String base, RepositoryPages.Detail detail)
            throws IOException {
        if (!console.isPost()) {
            console.redirect(base);
            return;
        }
        String account = console.param("access_domain");
        String deadline = console.param("deadline");
        try {
            shares.share(console.caller(), ns, repo, account, terms(console));
            console.flash("Shared with " + account + ".");
            console.redirect(base);
        } catch (WharfException refused) {
            detail.render(console, ns, repo, ConsoleRequest.statusOf(refused), Map.of("shareError", refused.getMessage(),
                    "shareAccount", account, "shareDeadline", deadline));
        }
    }

    private void change(ConsoleRequest console, String ns, String repo, String base, String account,
                        RepositoryPages.Detail detail) throws IOException {
        try {
            shares.update(console.caller(), ns, repo, account, terms(console));
            console.flash("The share with " + account + " now lasts until " + console.param("deadline") + ".");
            console.redirect(base);
        } catch (WharfException refused) {
            detail.render(console, ns, repo, ConsoleRequest.statusOf(refused), Map.of("shareError", refused.getMessage()));
        }
    }

    private void remove(ConsoleRequest console, String ns, String repo, String base, String account) throws IOException {
        if (!console.isPost()) {
            console.render("confirm", Map.of("title", "Stop sharing with " + account + "?",
                    "message", account + " can no longer pull this repository.",
                    "action", base + "/shares/" + account + "/delete", "button", "Stop sharing", "cancel", base));
            return;
        }
        shares.delete(console.caller(), ns, repo, account);
        console.flash("No longer shared with " + account + ".");
        console.redirect(base);
    }

    private static ShareTerms terms(ConsoleRequest console) {
        return new ShareTerms("read", Deadline.parse(console.param("deadline")), console.param("description"));
    }

    /** {@code /console/shared?center=thirdparty} (the default) or {@code center=self}. */
    void list(ConsoleRequest console) throws IOException {
        boolean byMe = console.param("center").equals("self");
        PageRequest request = Paging.request(console);
        String search = console.param("q");
        Page<SharedView> page = shares.shared(console.caller(), byMe, null, search.isEmpty() ? null : search, null, null,
                RepositoryQuery.Order.NAME, false, request);
        Map<String, Object> model = new HashMap<>();
        model.put("byMe", byMe);
        model.put("shared", page.items());
        model.put("paging", Paging.of(request, page));
        model.put("q", search);
        model.put("registry", settings.registryAddress());
        console.render("shared", model);
    }
}
