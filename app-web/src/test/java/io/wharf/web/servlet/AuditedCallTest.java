package io.wharf.web.servlet;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which calls the audit trail records and what it names them. */
class AuditedCallTest {

    private static AuditedCall of(String method, String path) {
        return AuditedCall.of(method, path, null).orElseThrow();
    }

    @Test
    void apiChangesAreNamedAfterTheirLastResource() {
        assertEquals(new AuditedCall("SWR", "createNamespace", "namespace", ""), of("POST", "/v2/manage/namespaces"));
        assertEquals(new AuditedCall("SWR", "deleteTrigger", "trigger", "team/app/deploy"),
                of("DELETE", "/v2/manage/namespaces/team/repos/app/triggers/deploy"));
        assertEquals(new AuditedCall("SWR", "updateRepo", "repo", "team/web$api"),
                of("PATCH", "/v2/manage/namespaces/team/repos/web$api"));
        assertEquals(new AuditedCall("HSS", "createVulnerabilityFeed", "vulnerability-feed", ""),
                of("POST", "/v5/p1/image/vulnerability-feeds"));
        assertEquals(new AuditedCall("IAM", "createCredential", "credential", ""), of("POST", "/v3.0/OS-CREDENTIAL/credentials"));
    }

    @Test
    void readsAreNotRecordedExceptRegistryPulls() {
        assertEquals(Optional.empty(), AuditedCall.of("GET", "/v2/manage/namespaces", null));
        assertEquals(Optional.empty(), AuditedCall.of("HEAD", "/v2/team/app/manifests/1.0", null));
        assertEquals(Optional.empty(), AuditedCall.of("GET", "/v2/team/app/blobs/sha256:ab", null));
        assertEquals(Optional.empty(), AuditedCall.of("PATCH", "/v2/team/app/blobs/uploads/u1", null));
        assertEquals(new AuditedCall("registry", "pull", "image", "team/app:1.0"), of("GET", "/v2/team/app/manifests/1.0"));
        assertEquals(new AuditedCall("registry", "push", "image", "team/a/b@sha256:ab"),
                of("PUT", "/v2/team/a/b/manifests/sha256:ab"));
        assertEquals(new AuditedCall("registry", "delete", "image", "team/app:old"), of("DELETE", "/v2/team/app/manifests/old"));
    }

    @Test
    void consoleFormsAreNamedByTheirAction() {
        assertEquals(new AuditedCall("console", "deleteTrigger", "trigger", "team/app"),
                AuditedCall.of("POST", "/console/namespaces/team/repos/app/triggers", "delete").orElseThrow());
        assertEquals(Optional.empty(), AuditedCall.of("GET", "/console/namespaces", null));
    }
}
