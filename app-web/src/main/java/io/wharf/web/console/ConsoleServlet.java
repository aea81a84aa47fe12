package io.wharf.web.console;

import io.wharf.web.application.WharfSettings;
import io.wharf.web.servlet.ApiVersions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The context root: the API versions for a client asking for JSON (SWR's {@code ListApiVersions}), else the way to
 * the console, whose pages are the resources of {@link ConsoleApi}.
 */
@WebServlet(urlPatterns = "")
public class ConsoleServlet extends HttpServlet {
    @Inject
    WharfSettings settings;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ApiVersions.wantsJson(request)) {
            ApiVersions.writeAll(response, settings.externalUrl());
        } else {
            ConsoleRequest.redirect(response, request.getContextPath() + "/console/");
        }
    }
}
