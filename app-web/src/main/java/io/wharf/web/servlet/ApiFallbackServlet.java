package io.wharf.web.servlet;

import io.wharf.domain.error.SwrError;
import io.wharf.web.api.ErrorBody;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers {@code /v2/...} paths outside {@code /v2/manage} (where the registry API will live) with a JSON 404 rather
 * than the container's HTML page. The longer {@code /v2/manage/*} mapping of the management API takes precedence.
 */
@WebServlet(urlPatterns = "/v2/*")
public class ApiFallbackServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(404);
        response.setContentType("application/json");
        response.getWriter().write(ErrorBody.of(SwrError.URL_NOT_FOUND.code(),
                "No API endpoint answers " + request.getRequestURI() + ".").toJson());
    }
}
