package io.wharf.web.api.credential;

import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.CredentialService;
import io.wharf.web.application.IssuedAccessKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /v3.0/OS-CREDENTIAL/credentials}: create (201, the secret shown once), list, delete (204). */
@Path("OS-CREDENTIAL/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {
    @Inject
    CredentialService credentials;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CredentialRequest body) {
        CredentialRequest.Credential wanted = body == null || body.credential() == null
                ? new CredentialRequest.Credential(null, null) : body.credential();
        IssuedAccessKey issued = credentials.create(caller.get(), wanted.userId(), wanted.description());
        return Response.status(Response.Status.CREATED)
                .entity(new CredentialResponse.One(CredentialResponse.of(issued.key(), issued.secret()))).build();
    }

    @GET
    public CredentialResponse.Many list(@QueryParam("user_id") String userId) {
        return new CredentialResponse.Many(credentials.list(caller.get(), userId).stream()
                .map(k -> CredentialResponse.of(k, null)).toList());
    }

    @DELETE
    @Path("{access_key}")
    public Response delete(@PathParam("access_key") String accessKey) {
        credentials.delete(caller.get(), accessKey);
        return Response.noContent().build();
    }
}
