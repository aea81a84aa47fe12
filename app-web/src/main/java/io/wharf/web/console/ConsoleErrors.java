package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.web.servlet.CurrentHttp;
import io.wharf.web.servlet.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of a console page as an HTML page: a refusal in the reader's words with its status, an unknown
 * address as "no such page", anything else as a 500 that quotes the request id (the log has the rest; the page never
 * shows a stack trace).
 */
@jakarta.ws.rs.ext.Provider
public class ConsoleErrors implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        HttpServletRequest request = CurrentHttp.request();
        ConsoleRequest console = ConsoleRequest.of(request);
        if (console == null) {
            return Response.status(500).build();
        }
        console.forget();
        try {
            if (failure instanceof WharfException refused) {
                console.render(ConsoleRequest.statusOf(refused), "error", Map.of("message", console.refusal(refused)));
            } else if (failure instanceof NotFoundException) {
                console.render(404, "error", Map.of("message", console.text("error.noPage")));
            } else if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                return web.getResponse();
            } else {
                LOG.log(Level.SEVERE, "Console request " + RequestIdFilter.idOf(request) + " failed", failure);
                console.render(500, "error", Map.of("message", console.text("error.unexpected", RequestIdFilter.idOf(request))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Response outcome = console.outcome();
        return outcome.getStatus() == 503
                ? Response.fromResponse(outcome).header("Retry-After", "5").build() : outcome;
    }
}
