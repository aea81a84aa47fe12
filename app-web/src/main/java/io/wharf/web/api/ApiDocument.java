package io.wharf.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI document ({@code GET /openapi}) as clients call the APIs. The scanner puts every resource of the one WAR
 * under a single application path; each path is given back its own root ({@code /v2/manage}, {@code /v3},
 * {@code /v3.0}, {@code /v5}), read off the JAX-RS applications' resource lists, so the document cannot drift from
 * what is served.
 */
public class ApiDocument implements OASFilter {
    private static final List<Class<? extends Application>> APIS = List.of(ManageApi.class, IamApi.class,
            CredentialsApi.class, HssApi.class);

    private record Root(String resourcePath, String applicationPath) {
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        document.info(OASFactory.createInfo().title("Wharf: SWR management, IAM and HSS image APIs")
                .version("2").description("The Huawei Cloud SWR (/v2/manage), IAM (/v3, /v3.0) and HSS (/v5) APIs"
                        + " as Wharf serves them. Authenticate with X-Auth-Token or an AK/SK signature."));
        Paths paths = document.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        List<Root> roots = roots();
        Map<String, PathItem> rooted = new TreeMap<>();
        paths.getPathItems().forEach((path, item) -> {
            String relative = relative(path);
            String root = roots.stream().filter(r -> relative.equals(r.resourcePath())
                            || relative.startsWith(r.resourcePath() + "/"))
                    .map(Root::applicationPath).findFirst().orElse("");
            rooted.put(root + relative, item);
        });
        Paths replaced = OASFactory.createPaths();
        rooted.forEach(replaced::addPathItem);
        document.paths(replaced);
    }

    /** The path without whichever application path the scanner put first. */
    private static String relative(String path) {
        for (Class<? extends Application> api : APIS) {
            String root = api.getAnnotation(ApplicationPath.class).value();
            if (path.startsWith(root + "/")) {
                return path.substring(root.length());
            }
        }
        return path;
    }

    /** Each resource's own path under its application's, longest first so the most precise one wins. */
    private static List<Root> roots() {
        List<Root> roots = new ArrayList<>();
        for (Class<? extends Application> api : APIS) {
            String root = api.getAnnotation(ApplicationPath.class).value();
            Application application;
            try {
                application = api.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            for (Class<?> type : application.getClasses()) {
                Path path = type.getAnnotation(Path.class);
                if (path != null) {
                    String value = path.value().startsWith("/") ? path.value() : "/" + path.value();
                    roots.add(new Root(value.endsWith("/") ? value.substring(0, value.length() - 1) : value, root));
                }
            }
        }
        roots.sort(Comparator.comparingInt((Root r) -> r.resourcePath().length()).reversed());
        return roots;
    }
}
