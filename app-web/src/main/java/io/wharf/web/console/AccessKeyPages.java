package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.web.application.CredentialService;
import io.wharf.web.application.IssuedAccessKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/access-keys}: the signed-in user's access keys. Creating one redirects to the list (so a refresh
 * creates nothing), which shows the new secret key once, with a {@code credentials.csv} to download as Huawei's
 * console offers; the secret waits in the session for five minutes at most, for that page and that download only.
 * Deleting one asks first.
 */
@ApplicationScoped
@Path("access-keys")
public class AccessKeyPages extends ConsoleSection {
    static final String ISSUED = "wharf.issuedKey";
    private static final Duration KEPT = Duration.ofMinutes(5);

    @Inject
    CredentialService credentials;

    /** A key just made, held for its one showing and its download. */
    record Issued(IssuedAccessKey key, Instant at, boolean shown) {
    }


    @Override
    void handle(ConsoleRequest console) throws IOException {
        String[] path = console.path();
        if (path.length == 3 && path[2].equals("delete")) {
            delete(console, path[1]);
        } else if (path.length == 2 && path[1].equals("credentials.csv")) {
            download(console);
        } else if (console.isPost()) {
            create(console);
        } else {
            list(console, 200, Map.of());
        }
    }

    private void list(ConsoleRequest console, int status, Map<String, Object> extra) throws IOException {
        Map<String, Object> model = new HashMap<>(extra);
        Issued issued = issued(console);
        if (issued != null && !issued.shown()) {
            model.put("issued", issued.key());
            console.session(true).setAttribute(ISSUED, new Issued(issued.key(), issued.at(), true));
        }
        model.put("keys", credentials.list(console.caller(), null));
        model.putIfAbsent("description", "");
        console.render(status, "access-keys", model);
    }

    private void create(ConsoleRequest console) throws IOException {
        try {
            IssuedAccessKey issued = credentials.create(console.caller(), null, console.param("description"));
            console.session(true).setAttribute(ISSUED, new Issued(issued, Instant.now(), false));
            console.flash(console.text("keys.created", issued.key().accessKeyId()));
            console.redirect("/console/access-keys");
        } catch (WharfException refused) {
            list(console, ConsoleRequest.statusOf(refused), Map.of("error", console.refusal(refused),
                    "description", console.param("description")));
        }
    }

    /** The new key as {@code credentials.csv}; once downloaded, or five minutes on, the secret is gone from the session. */
    private void download(ConsoleRequest console) throws IOException {
        Issued issued = issued(console);
        if (issued == null) {
            throw WharfException.notFound(io.wharf.domain.error.Subject.PAGE, console.text("keys.csvGone"));
        }
        console.session(true).removeAttribute(ISSUED);
        String csv = "User Name,Access Key Id,Secret Access Key\r\n" + console.caller().userName() + ","
                + issued.key().key().accessKeyId() + "," + issued.key().secret() + "\r\n";
        console.download("credentials.csv", "text/csv;charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Issued issued(ConsoleRequest console) {
        HttpSession session = console.session(false);
        Object held = session == null ? null : session.getAttribute(ISSUED);
        if (held instanceof Issued issued && issued.at().plus(KEPT).isAfter(Instant.now())) {
            return issued;
        }
        if (held != null) {
            session.removeAttribute(ISSUED);
        }
        return null;
    }

    private void delete(ConsoleRequest console, String accessKeyId) throws IOException {
        if (!console.isPost()) {
            console.render("confirm", Map.of("title", console.text("keys.deleteTitle", accessKeyId),
                    "message", console.text("keys.deleteMessage"),
                    "action", "/console/access-keys/" + accessKeyId + "/delete", "button", console.text("keys.delete"),
                    "cancel", "/console/access-keys"));
            return;
        }
        credentials.delete(console.caller(), accessKeyId);
        console.flash(console.text("keys.deleted", accessKeyId));
        console.redirect("/console/access-keys");
    }
}
