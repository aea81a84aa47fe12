package io.wharf.web.api.iam;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.User;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.token.AuthToken;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.api.Public;
import io.wharf.web.application.IdentityService;
import io.wharf.web.application.IssuedToken;
import io.wharf.web.application.PasswordCredentials;
import io.wharf.web.application.WharfSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** {@code /v3/auth/tokens}: obtain a token with a password, check one, revoke one. */
@Path("auth/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {
    static final String SUBJECT_TOKEN = "X-Subject-Token";
    private static final DateTimeFormatter IAM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    IdentityService identity;
    @Inject
    CurrentCaller caller;
    @Inject
    WharfSettings settings;

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(TokenRequest body) {
        TokenRequest.UserRef user = passwordUser(body);
        TokenRequest.Scope scope = body.auth().scope();
        TokenRequest.ProjectRef project = scope == null ? null : scope.project();
        IssuedToken issued = identity.issueToken(new PasswordCredentials(user.domain().name(), user.name(),
                user.password()), project == null ? null : project.id(), project == null ? null : project.name());
        return Response.status(Response.Status.CREATED)
                .header(SUBJECT_TOKEN, issued.secret())
                .entity(describe(issued.token(), issued.user(), issued.account()))
                .build();
    }

    /** IAM's token check: the details of {@code X-Subject-Token}, for a caller holding a valid token. */
    @GET
    public TokenResponse check(@HeaderParam(SUBJECT_TOKEN) String subject) {
        caller.get();
        String checked = Optional.ofNullable(subject).orElseThrow(() -> WharfException.invalid("X-Subject-Token",
                "X-Subject-Token names the token to check."));
        IssuedToken details = identity.describe(checked);
        return describe(details.token(), details.user(), details.account());
    }

    @DELETE
    public Response revoke(@HeaderParam(SUBJECT_TOKEN) String subject) {
        identity.revoke(caller.get(), subject);
        return Response.noContent().build();
    }

    private static TokenRequest.UserRef passwordUser(TokenRequest body) {
        TokenRequest.Identity id = body == null || body.auth() == null ? null : body.auth().identity();
        if (id == null || id.methods() == null || !id.methods().contains("password")) {
            throw WharfException.invalid("auth.identity.methods", "auth.identity.methods must contain \"password\".");
        }
        TokenRequest.UserRef user = id.password() == null ? null : id.password().user();
        if (user == null || user.name() == null || user.password() == null) {
            throw WharfException.invalid("auth.identity.password.user",
                    "auth.identity.password.user needs name, password and domain.name.");
        }
        if (user.domain() == null || user.domain().name() == null) {
            throw WharfException.invalid("auth.identity.password.user.domain.name",
                    "auth.identity.password.user.domain.name must name the user's account.");
        }
        return user;
    }

    private TokenResponse describe(AuthToken token, User user, Account account) {
        TokenResponse.Domain domain = new TokenResponse.Domain(account.id(), account.name().value());
        return new TokenResponse(new TokenResponse.Token(time(token.expiresAt()), time(token.issuedAt()),
                List.of("password"), new TokenResponse.User(user.id(), user.name().value(), domain),
                new TokenResponse.Project(account.projectId(), settings.region(), domain)));
    }

    private static String time(Instant instant) {
        return IAM_TIME.format(instant);
    }
}
