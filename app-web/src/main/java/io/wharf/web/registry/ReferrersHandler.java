package io.wharf.web.registry;

import io.wharf.web.Jsonp;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.web.application.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** {@code GET /v2/<name>/referrers/<digest>}: the manifests whose subject is the digest, as an OCI index. */
@ApplicationScoped
class ReferrersHandler {
    @Inject
    RegistryService registry;

    ReferrersHandler() {
    }

    ReferrersHandler(RegistryService registry) {
        this.registry = registry;
    }

    void list(RegistryCall call, Target target) throws IOException {
        Digest subject = RegistryValues.digest(target.reference(), RegistryError.DIGEST_INVALID, "digest");
        String artifactType = call.parameter("artifactType");
        JsonArrayBuilder manifests = Jsonp.PROVIDER.createArrayBuilder();
        for (StoredManifest m : registry.referrers(target.repository().id(), subject, artifactType)) {
            JsonObjectBuilder descriptor = Jsonp.PROVIDER.createObjectBuilder().add("mediaType", m.mediaType())
                    .add("digest", m.digest()).add("size", m.size());
            if (m.artifactType() != null) {
                descriptor.add("artifactType", m.artifactType());
            }
            if (m.annotations() != null) {
                descriptor.add("annotations", Jsonp.PROVIDER.createReader(new StringReader(m.annotations())).readObject());
            }
            manifests.add(descriptor);
        }
        if (artifactType != null) {
            call.header("OCI-Filters-Applied", "artifactType");
        }
        byte[] body = Jsonp.PROVIDER.createObjectBuilder().add("schemaVersion", 2).add("mediaType", ManifestParser.OCI_INDEX)
                .add("manifests", manifests).build().toString().getBytes(StandardCharsets.UTF_8);
        call.status(200);
        call.contentType(ManifestParser.OCI_INDEX);
        call.contentLength(body.length);
        call.output().write(body);
    }
}
