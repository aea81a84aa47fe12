package io.wharf.web.servlet;

import io.wharf.domain.error.SwrError;
import io.wharf.domain.registry.RegistryError;
import io.wharf.web.api.ErrorBody;
import io.wharf.web.registry.RegistryServlet;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Failures the container answers itself (an uncaught exception, a 400 it decides), turned into the error shape of the
 * API the path belongs to instead of Liberty's HTML page; {@code WEB-INF/web.xml} sends them here.
 */
@WebServlet("/container-error")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 400;
        String message = status == 404 ? "Nothing answers this path."
                : status >= 500 ? "The request could not be served." : "The request is malformed.";
        answer(response, String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), status, message);
    }

    /** An error in the shape of the API {@code path} belongs to: the registry's, the JSON APIs', or plain text. */
    static void answer(HttpServletResponse response, String path, int status, String message) throws IOException {
        response.setStatus(status >= 500 ? 500 : status);
        response.setCharacterEncoding("UTF-8");
        if (path.startsWith("/v2/") && !path.startsWith("/v2/manage/") && !path.equals("/v2/token")) {
            RegistryError error = status == 404 ? RegistryError.NAME_UNKNOWN
                    : status >= 500 ? RegistryError.UNKNOWN : RegistryError.NAME_INVALID;
            RegistryServlet.writeError(response, error, message);
            return;
        }
        if (path.startsWith("/v2/") || path.startsWith("/v3") || path.startsWith("/v5/")) {
            SwrError error = status == 404 ? SwrError.URL_NOT_FOUND
                    : status >= 500 ? SwrError.INTERNAL_ERROR : SwrError.INVALID_PARAMETER;
            write(response, "application/json", ErrorBody.of(error.code(), message).toJson());
            return;
        }
        write(response, "text/plain", message);
    }

    private static void write(HttpServletResponse response, String type, String body) throws IOException {
        response.setContentType(type);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
