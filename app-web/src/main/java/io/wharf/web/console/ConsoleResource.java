package io.wharf.web.console;

import io.wharf.web.application.UseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * A console resource answering its own path: reading (GET, in one use case) and submitting (POST, whose use cases run
 * inside the page's own work) alike; the subclass routes by {@link ConsoleRequest#path()}. Public, as the JAX-RS
 * runtime calls these methods reflectively on the subclass.
 */
public abstract class ConsoleResource {
    /** The page at the resource's own path. */
    abstract void handle(ConsoleRequest console) throws IOException;

    @GET
    @UseCase
    public Response show(@Context HttpServletRequest http) throws IOException {
        return ConsolePage.answer(http, this::handle);
    }

    @POST
    public Response submit(@Context HttpServletRequest http) throws IOException {
        return ConsolePage.answer(http, this::handle);
    }
}
