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

    @Inject
    AccountService accounts;
    @Inject
    WharfSettings settings;

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
    }
}
