package io.wharf.web.servlet;

import io.wharf.web.application.WharfSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** When clients use HTTPS (Wharf's own TLS or a TLS-terminating proxy), the console's session cookie is {@code Secure}. */
@WebListener
public class SecureCookies implements ServletContextListener {
    @Inject
    WharfSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.clientsUseHttps()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
