package io.wharf.web.application;

import io.wharf.domain.token.TokenSecret;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.logging.Logger;

/**
 * On the first start, creates Wharf's administrators' account and its administrator. The password comes from
 * {@code WHARF_ADMIN_PASSWORD}; without it one is generated and printed once, the only time it is ever shown.
 */
@ApplicationScoped
public class AdministratorBootstrap {
    private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

    @Inject
    AccountService accounts;
    @Inject
    WharfSettings settings;

    void onStartup(@Observes @Priority(Interceptor.Priority.APPLICATION) Startup startup) {
        boolean generated = settings.adminPassword().isEmpty();
        String password = settings.adminPassword().orElseGet(() -> TokenSecret.generate().substring(0, 20));
        if (accounts.createSystemAccountIfMissing(settings.adminAccount(), settings.adminUser(), password)) {
            if (generated) {
                LOG.warning("Created Wharf's administrator: account " + settings.adminAccount() + ", user "
                        + settings.adminUser() + ", generated password " + password
                        + " (shown this once; set WHARF_ADMIN_PASSWORD to choose it instead).");
            } else {
                LOG.info("Created Wharf's administrator: account " + settings.adminAccount() + ", user "
                        + settings.adminUser() + ", password from WHARF_ADMIN_PASSWORD.");
            }
        }
    }
}
