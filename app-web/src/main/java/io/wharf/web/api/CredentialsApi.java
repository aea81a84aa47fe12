package io.wharf.web.api;

import io.wharf.web.api.credential.CredentialsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** IAM's {@code /v3.0} root, where access keys ({@code OS-CREDENTIAL}) and passwords ({@code OS-USER}) live. */
@ApplicationPath("/v3.0")
public class CredentialsApi extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with(CredentialsResource.class, io.wharf.web.api.iam.PasswordsResource.class);
    }
}
