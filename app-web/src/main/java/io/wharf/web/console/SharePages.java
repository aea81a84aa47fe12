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
import io.wharf.web.application.UseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sharing in the console: on a repository's page, add a share, change its deadline, remove it
 * ({@code .../shares[/<account>/edit|delete]}); and the "Shared with me" / "Shared by me" lists ({@code /console/shared}).
 */
@ApplicationScoped
@Path("shared")
public class SharePages {
    @Inject
    ShareService shares;
    @Inject
    WharfSettings settings;


    @GET
    @UseCase
    public Response show(@Context HttpServletRequest http) throws IOException {
        return ConsolePage.answer(http, this::list);
    }

    void handle(ConsoleRequest console, String ns, String repo, String repositoryPage, String account, String action,
                RepositoryPages.Detail detail) throws IOException {
        String base = repositoryPage + "?tab=sharing";
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
        try {
            shares.share(console.caller(), ns, repo, account, terms(console));
            console.flash(console.text("share.added", account));
            console.redirect(base);
        } catch (WharfException refused) {
            detail.render(console, ns, repo, ConsoleRequest.statusOf(refused), Map.of("shareError", console.refusal(refused),
                    "shareAccount", account, "shareDeadline", console.param("deadline_date")));
        }
    }

    private void change(ConsoleRequest console, String ns, String repo, String base, String account,
                        RepositoryPages.Detail detail) throws IOException {
        try {
            shares.update(console.caller(), ns, repo, account, terms(console));
            console.flash(console.text("share.changed", account));
            console.redirect(base);
        } catch (WharfException refused) {
            detail.render(console, ns, repo, ConsoleRequest.statusOf(refused), Map.of("shareError", console.refusal(refused)));
        }
    }

    private void remove(ConsoleRequest console, String ns, String repo, String base, String account) throws IOException {
        if (!console.isPost()) {
            console.render("confirm", Map.of("title", console.text("share.removeTitle", account),
                    "message", console.text("share.removeMessage", account),
                    "action", base.replace("?tab=sharing", "") + "/shares/" + account + "/delete", "button", console.text("share.remove"),
                    "cancel", base));
            return;
        }
        shares.delete(console.caller(), ns, repo, account);
        console.flash(console.text("share.removed", account));
        console.redirect(base);
    }

    /**
     * The share's terms from the form: a day picked in the date field lasts to the end of that day in the reader's
     * time zone; an empty date is no deadline; the text field of the list's rows takes the API's form.
     */
    private static ShareTerms terms(ConsoleRequest console) {
        String day = console.param("deadline_date");
        String deadline = console.param("deadline");
        if (!day.isEmpty()) {
            try {
                deadline = java.time.LocalDate.parse(day).atTime(23, 59, 59).atZone(console.reader().zone())
                        .toInstant().toString();
            } catch (java.time.format.DateTimeParseException e) {
                throw WharfException.invalid("deadline", console.text("share.badDate"));
            }
        } else if (deadline.isEmpty()) {
            deadline = "forever";
        }
        return new ShareTerms("read", Deadline.parse(deadline), console.param("description"));
    }

    /** {@code /console/shared?center=thirdparty} (the default) or {@code center=self}. */
    void list(ConsoleRequest console) throws IOException {
        boolean byMe = console.param("center").equals("self");
        PageRequest request = Paging.request(console);
        String search = console.param("q");
        Map<String, Object> model = new HashMap<>();
        Sorting sort = Sorting.of(console, java.util.List.of("name", "updated"));
        Page<SharedView> page = shares.shared(console.caller(), byMe, null,
                search.isEmpty() ? null : search.toLowerCase(java.util.Locale.ROOT), null, null,
                sort.key().equals("updated") ? RepositoryQuery.Order.UPDATED_TIME : RepositoryQuery.Order.NAME,
                sort.descending(), request);
        model.put("sort", sort.param());
        model.put("byMe", byMe);
        model.put("shared", page.items());
        model.put("paging", Paging.of(request, page));
        model.put("q", search);
        model.put("registry", settings.registryAddress());
        console.render("shared", model);
    }
}
