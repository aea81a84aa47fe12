package io.wharf.web.registry;

import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the registry reads the domain's failures: the error codes of the OCI distribution specification. */
class RegistryErrorTest {

    @Test
    void noFailureOfTheDomainBecomesAServerError() {
        for (Failure failure : Failure.values()) {
            if (failure == Failure.UNAVAILABLE) {
                assertEquals(503, RegistryError.of(WharfException.unavailable("m")).httpStatus());
                continue;
            }
            for (Subject subject : Subject.values()) {
                RegistryError error = RegistryError.of(new WharfException(failure, subject, null, "m"));
                assertTrue(error.httpStatus() < 500, failure + " " + subject + " -> " + error);
            }
        }
    }

    @Test
    void whatIsMissingPicksTheCode() {
        assertEquals(RegistryError.NAME_UNKNOWN, RegistryError.of(WharfException.notFound(Subject.ORGANIZATION, "m")));
        assertEquals(RegistryError.NAME_UNKNOWN, RegistryError.of(WharfException.notFound(Subject.REPOSITORY, "m")));
        assertEquals(RegistryError.MANIFEST_UNKNOWN, RegistryError.of(WharfException.notFound(Subject.IMAGE, "m")));
        assertEquals(RegistryError.BLOB_UNKNOWN, RegistryError.of(WharfException.notFound(Subject.BLOB, "m")));
    }

    @Test
    void aManifestNamingAMissingBlobIsManifestBlobUnknown() {
        assertEquals(RegistryError.MANIFEST_BLOB_UNKNOWN,
                RegistryError.of(WharfException.unknownReference(Subject.BLOB, "layers", "m")));
        assertEquals(RegistryError.MANIFEST_UNKNOWN,
                RegistryError.of(WharfException.unknownReference(Subject.MANIFEST, "manifests", "m")));
    }

    @Test
    void aWrongDigestIsDigestInvalidAndABadNameIsNameInvalid() {
        assertEquals(RegistryError.DIGEST_INVALID, RegistryError.of(WharfException.invalid("digest", "m")));
        assertEquals(RegistryError.DIGEST_INVALID, RegistryError.of(WharfException.invalid("reference", "m")));
        assertEquals(RegistryError.NAME_INVALID, RegistryError.of(WharfException.invalid("repository", "m")));
    }

    @Test
    void whoMayDoWhatReadsAsUnauthorizedOrDenied() {
        assertEquals(RegistryError.UNAUTHORIZED, RegistryError.of(WharfException.anonymous()));
        assertEquals(RegistryError.UNAUTHORIZED, RegistryError.of(WharfException.unauthenticated("m")));
        assertEquals(RegistryError.DENIED, RegistryError.of(WharfException.forbidden("m")));
        assertEquals(RegistryError.TOOMANYREQUESTS, RegistryError.of(WharfException.throttled("m")));
    }
}
