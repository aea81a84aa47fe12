package io.wharf.web.fakes;

import io.wharf.domain.account.Caller;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.registry.Digest;
import io.wharf.web.application.PushService;
import io.wharf.web.application.RegistryService;

import java.nio.charset.StandardCharsets;

/** The registry's use cases wired over in-memory ports, with one organization and its owner. */
public final class InMemoryRegistry {
    public static final Caller OWNER = new Caller("u1", "owner", "a1", "acme", "p1", true, false);
    public final InMemoryBlobStore store = new InMemoryBlobStore();
    public final InMemoryNamespaces namespaces = new InMemoryNamespaces();
    public final InMemoryImageRepositories repositories = new InMemoryImageRepositories();
    public final InMemoryImageTags tags = new InMemoryImageTags();
    public final InMemoryManifests manifests = new InMemoryManifests();
    public final RegistryService registry = new RegistryService(null, namespaces, repositories, tags, manifests);
    /** The manifests pushes recorded, in order, as the scanner would be told of them. */
    public final java.util.List<io.wharf.domain.registry.StoredManifest> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final PushService push = new PushService(store, registry, (caller, path, tag, manifest) -> pushed.add(manifest));
    public final InMemoryScanReports scans = new InMemoryScanReports();
    public final InMemoryPullPolicies pullPolicies = new InMemoryPullPolicies();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final io.wharf.web.application.AuditService auditService = new io.wharf.web.application.AuditService(audit);
    public final io.wharf.web.application.PullPolicyService pullPolicy = new io.wharf.web.application.PullPolicyService(
            pullPolicies, scans, new io.wharf.web.application.RepositoryAccess(namespaces, repositories,
            new InMemoryAccessDomains(), new InMemoryGrants()), auditService);

    public InMemoryRegistry() {
        namespaces.add(new NamespaceName("team"), OWNER.accountId(), OWNER.userId(), OWNER.userName());
    }

    public static String sha256(byte[] content) {
        return Digest.of("sha256", content).toString();
    }

    /** An OCI image manifest over a config and one layer. */
    public static byte[] image(String config, long configSize, String layer, long layerSize) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config
                + "\",\"size\":" + configSize + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + "\"digest\":\"" + layer + "\",\"size\":" + layerSize + "}]}").getBytes(StandardCharsets.UTF_8);
    }
}
