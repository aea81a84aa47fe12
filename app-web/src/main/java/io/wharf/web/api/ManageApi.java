package io.wharf.web.api;

import io.wharf.web.api.manage.AccessDomainsResource;
import io.wharf.web.api.manage.NamespacesResource;
import io.wharf.web.api.manage.NamespaceAccessResource;
import io.wharf.web.api.manage.RepositoryAccessResource;
import io.wharf.web.api.manage.SharedRepositoriesResource;
import io.wharf.web.api.manage.ReposResource;
import io.wharf.web.api.manage.RepositoriesResource;
import io.wharf.web.api.manage.ProjectsResource;
import io.wharf.web.api.manage.RetentionsResource;
import io.wharf.web.api.manage.TriggersResource;
import io.wharf.web.api.manage.UsageResource;
import io.wharf.web.api.manage.UtilsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The SWR management API. Its own root keeps {@code /v2/<name>/...} free for the registry API. */
@ApplicationPath("/v2/manage")
public class ManageApi extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with(NamespacesResource.class, RepositoriesResource.class, ReposResource.class,
                AccessDomainsResource.class, SharedRepositoriesResource.class, NamespaceAccessResource.class,
                RepositoryAccessResource.class, UtilsResource.class, ProjectsResource.class,
                RetentionsResource.class, UsageResource.class, TriggersResource.class,
                io.wharf.web.api.manage.SyncReposResource.class, io.wharf.web.api.manage.SyncJobsResource.class,
                io.wharf.web.api.manage.RegionsResource.class);
    }
}
