package io.wharf.web.api;

import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the JSON API reads the domain's failures: the codes and statuses of the SWR reference's appendix. */
class SwrErrorTest {

    @Test
    void everyFailureHasACodeInTheCatalogueWithAClientStatus() {
        for (Failure failure : Failure.values()) {
            if (failure == Failure.UNAVAILABLE) {
                continue;
            }
            for (Subject subject : Subject.values()) {
                SwrError error = SwrError.of(new WharfException(failure, subject, "x", "m"));
                assertTrue(error.httpStatus() >= 400 && error.httpStatus() < 500, failure + " " + subject + " -> " + error);
            }
        }
    }

    @Test
    void anUnavailableDatabaseIsTheCataloguesServiceUnavailable() {
        SwrError error = SwrError.of(WharfException.unavailable("m"));
        assertEquals("SVCSTG.SWR.5030001", error.code());
        assertEquals(503, error.httpStatus());
    }

    @Test
    void notFoundIsPreciseAboutWhatIsMissing() {
        assertEquals("SVCSTG.SWR.4040058", SwrError.of(WharfException.notFound(Subject.ORGANIZATION, "m")).code());
        assertEquals("SVCSTG.SWR.4040113", SwrError.of(WharfException.notFound(Subject.REPOSITORY, "m")).code());
        assertEquals("SVCSTG.SWR.4040115", SwrError.of(WharfException.notFound(Subject.IMAGE, "m")).code());
        assertEquals(SwrError.URL_NOT_FOUND, SwrError.of(WharfException.notFound(Subject.SYNC_TASK, "m")));
    }

    @Test
    void aBrokenFieldWithItsOwnCodeGetsIt() {
        assertEquals(SwrError.INVALID_ORGANIZATION_NAME, SwrError.of(WharfException.invalid("namespace", "m")));
        assertEquals(SwrError.INVALID_IMAGE_NAME, SwrError.of(WharfException.invalid("repository", "m")));
        assertEquals(SwrError.INVALID_PERMISSION, SwrError.of(WharfException.invalid("auth", "m")));
        assertEquals(SwrError.INVALID_FILTER, SwrError.of(WharfException.invalid("filter", "m")));
        assertEquals(SwrError.INVALID_PARAMETER, SwrError.of(WharfException.invalid("limit", "m")));
    }

    @Test
    void aDescriptionTooLongIs413AndAnUnknownUserIsAnInvalidUserName() {
        assertEquals(413, SwrError.of(WharfException.tooLong("description", "m")).httpStatus());
        assertEquals(SwrError.INVALID_USERNAME,
                SwrError.of(WharfException.unknownReference(Subject.USER, "user_name", "m")));
    }

    @Test
    void aNonEmptyOrganizationIs406AndMissingCredentialsAreTheirOwn401() {
        assertEquals(406, SwrError.of(WharfException.notEmpty(Subject.ORGANIZATION, "m")).httpStatus());
        assertEquals(SwrError.NO_CREDENTIALS, SwrError.of(WharfException.anonymous()));
        assertEquals(SwrError.AUTHENTICATION_FAILED, SwrError.of(WharfException.unauthenticated("m")));
        assertEquals(429, SwrError.of(WharfException.throttled("m")).httpStatus());
    }
}
