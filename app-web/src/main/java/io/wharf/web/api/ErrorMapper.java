package io.wharf.web.api;

import io.wharf.domain.error.WharfException;
import io.wharf.web.servlet.CurrentHttp;
import io.wharf.web.servlet.RequestIdFilter;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a failure becomes an HTTP response: catalogue errors carry their own status; the JAX-RS
 * runtime's own failures (unknown path, wrong method, wrong content type, unreadable JSON) are given their catalogue
 * entry here; anything else is a 500 whose details go to the log under the request id, never to the client.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(Throwable failure) {
        HttpServletRequest request = CurrentHttp.request();
        if (failure instanceof WharfException wharf) {
            SwrError error = SwrError.of(wharf);
            return respond(error, error.httpStatus(), wharf.getMessage());
        }
        if (failure instanceof NotFoundException) {
            return respond(SwrError.URL_NOT_FOUND, 404, "No API endpoint answers " + request.getRequestURI() + ".");
        }
        if (failure instanceof NotAllowedException) {
            return respond(SwrError.METHOD_NOT_ALLOWED, 405,
                    request.getMethod() + " is not allowed on " + request.getRequestURI() + ".");
        }
        if (failure instanceof NotSupportedException) {
            return respond(SwrError.INVALID_BODY_TYPE, 415, "The request body must be application/json.");
        }
        if (isUnreadableBody(failure)) {
            return respond(SwrError.INVALID_PARAMETER, 400, "The request body is not valid JSON of the documented shape.");
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return respond(SwrError.INVALID_PARAMETER, status, "The request is invalid (HTTP " + status + ").");
        }
        LOG.log(Level.SEVERE, "Request " + RequestIdFilter.idOf(request) + " failed", failure);
        return respond(SwrError.INTERNAL_ERROR, 500,
                "Internal error; quote request id " + RequestIdFilter.idOf(request) + " to the administrator.");
    }

    private static boolean isUnreadableBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof jakarta.json.JsonException
                    || t instanceof jakarta.ws.rs.BadRequestException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(SwrError error, int status, String message) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(error.code(), message));
        if (status == 503) {
            // The database is away: clients that honour it come back when it is likely to be again.
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
