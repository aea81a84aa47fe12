package io.wharf.web.application;

import io.wharf.domain.token.TokenSecret;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * On the first start, creates Wharf's administrators' account and its administrator. The password comes from
 * {@code WHARF_ADMIN_PASSWORD}; without it one is generated and written to {@code <data dir>/initial-admin-password},
 * readable by the service user only — never to the log, which others may read and which is kept and shipped.
 */
@ApplicationScoped
public class AdministratorBootstrap {
    private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

    static final String PASSWORD_FILE = "initial-admin-password";
    /** The operator's recovery of a lost administrator password: this file in the data directory, then a restart. */
    static final String RESET_FILE = "reset-admin-password";

    @Inject
    AccountService accounts;
    @Inject
    WharfSettings settings;
    @Inject
    PasswordService passwords;
    @Inject
    AuditService audit;

    void onStartup(@Observes @Priority(Interceptor.Priority.APPLICATION) Startup startup) throws IOException {
        boolean generated = settings.adminPassword().isEmpty();
        String password = settings.adminPassword().orElseGet(() -> TokenSecret.generate().substring(0, 20));
        if (accounts.createSystemAccountIfMissing(settings.adminAccount(), settings.adminUser(), password)) {
            if (generated) {
                Path file = settings.dataDirectory().resolve(PASSWORD_FILE);
                PrivateFiles.write(file, (password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                LOG.warning("Created Wharf's administrator: account " + settings.adminAccount() + ", user "
                        + settings.adminUser() + ", with a generated password written to " + file
                        + " (readable by this service's user only). Sign in, change it, and delete the file;"
                        + " set WHARF_ADMIN_PASSWORD to choose it instead.");
            } else {
                LOG.info("Created Wharf's administrator: account " + settings.adminAccount() + ", user "
                        + settings.adminUser() + ", password from WHARF_ADMIN_PASSWORD.");
            }
        }
        recoverIfAsked();
    }

    /**
     * A recovery the operator asked for by creating {@code <data dir>/reset-admin-password} (which needs the server's
     * files, so only the operator can): the administrator ({@code WHARF_ADMIN_USER}) gets the password the file holds,
     * or a generated one written to {@code initial-admin-password}, must change it at the next sign-in, and loses every
     * token and session. The request file is removed; the change is in the log and the audit trail.
     */
    void recoverIfAsked() throws IOException {
        Path request = settings.dataDirectory().resolve(RESET_FILE);
        if (!java.nio.file.Files.isRegularFile(request, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String chosen = java.nio.file.Files.readString(request).strip();
        boolean generated = chosen.isEmpty();
        if (generated) {
            chosen = TokenSecret.generate().substring(0, 20);
        }
        io.wharf.domain.account.User user;
        try {
            user = passwords.recover(settings.adminUser(), chosen);
        } catch (io.wharf.domain.error.WharfException refused) {
            LOG.severe("The administrator's password was not recovered as " + request + " asks: " + refused.getMessage()
                    + ". Correct the file and restart.");
            return;
        }
        if (generated) {
            PrivateFiles.write(settings.dataDirectory().resolve(PASSWORD_FILE),
                    (chosen + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.nio.file.Files.delete(request);
        LOG.warning("Recovered Wharf's administrator " + settings.adminAccount() + "/" + settings.adminUser() + " as "
                + request + " asked: " + (generated ? "a generated password is in "
                + settings.dataDirectory().resolve(PASSWORD_FILE) + " (readable by this service's user only)"
                : "the password is the one the file held") + "; it must be changed at the next sign-in, and the"
                + " user's tokens and sessions ended.");
        audit.record(new io.wharf.domain.audit.AuditTrace(0, java.util.UUID.randomUUID().toString(),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), "IAM", "recoverPassword",
                io.wharf.domain.audit.AuditTrace.NORMAL, "password", user.id(), user.accountId(), settings.adminAccount(),
                user.id(), user.name().value(), "", "FILE", request.toString(), 200, "", ""));
    }
}
