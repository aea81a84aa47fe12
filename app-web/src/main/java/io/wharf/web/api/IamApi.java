package io.wharf.web.api;

import io.wharf.web.api.iam.AccountsResource;
import io.wharf.web.api.iam.TokensResource;
import io.wharf.web.api.iam.UsersResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The subset of IAM that the SWR pages rely on ("the token can be obtained by calling an IAM API"), and the audit
 * trail at Cloud Trace Service's {@code /v3/{project_id}/traces}.
 */
@ApplicationPath("/v3")
public class IamApi extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with(TokensResource.class, AccountsResource.class, UsersResource.class,
                io.wharf.web.api.audit.TracesResource.class);
    }
}
