package io.wharf.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/** What a console resource method does with its request: the page's work, then its answer returned to JAX-RS. */
@FunctionalInterface
interface ConsolePage {
    void handle(ConsoleRequest console) throws IOException;

    /** Runs a page for this HTTP request (the front door made its console request) and returns what it answered. */
    static Response answer(HttpServletRequest http, ConsolePage page) throws IOException {
        ConsoleRequest console = ConsoleRequest.of(http);
        page.handle(console);
        return console.outcome();
    }
}
