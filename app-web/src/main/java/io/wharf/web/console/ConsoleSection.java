package io.wharf.web.console;

import io.wharf.web.application.UseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/** A console resource that also answers every path under its own. */
public abstract class ConsoleSection extends ConsoleResource {
    /** A page under the resource's path; the same routing unless a subclass says otherwise. */
    void handleUnder(ConsoleRequest console) throws IOException {
        handle(console);
    }

    @GET
    @Path("{rest: .+}")
    @UseCase
    public Response showMore(@Context HttpServletRequest http) throws IOException {
        return ConsolePage.answer(http, this::handleUnder);
    }

    @POST
    @Path("{rest: .+}")
    public Response submitMore(@Context HttpServletRequest http) throws IOException {
        return ConsolePage.answer(http, this::handleUnder);
    }
}
