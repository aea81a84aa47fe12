package io.wharf.web.console;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The console on JAX-RS: one resource per section, the front door (session, sign-in, CSRF, removal confirmation,
 * security headers) as filters, pages rendered by the Thymeleaf view writer, failures as HTML by one mapper. Its
 * classes are listed, so nothing of the APIs' applications applies here and nothing of this one there.
 */
@ApplicationPath("/console")
public class ConsoleApi extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ConsoleFrontDoor.class, ViewWriter.class, ConsoleErrors.class,
                OverviewPages.class, SignInPages.class, SearchPages.class, PreferencePages.class, NamespacePages.class,
                RepositoryPages.class, AccountPages.class, SharePages.class, AccessKeyPages.class, HowToPushPages.class,
                ImageAssetPages.class, StoragePages.class, QuotaPages.class, AuditPages.class, ReplicationPages.class,
                FeedPages.class, RegistryPages.class, SyncTaskPages.class, PasswordPages.class,
                SettingPages.class);
    }
}
