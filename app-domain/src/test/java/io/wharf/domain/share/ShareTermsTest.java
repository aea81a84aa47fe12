package io.wharf.domain.share;

import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareTermsTest {

    @Test
    void deadlinesAreUtcTimesOrForever() {
        assertEquals("forever", Deadline.parse("forever").toString());
        assertEquals("2030-10-01T16:00:00Z", Deadline.parse("2030-10-01T16:00:00.000Z").toString());
        for (String bad : new String[]{"", "never", "2030-10-01", "2030-10-01 16:00:00", "tomorrow"}) {
            assertThrows(WharfException.class, () -> Deadline.parse(bad), bad);
        }
    }

    @Test
    void aShareIsValidUntilItsDeadlinePasses() {
        Deadline deadline = Deadline.parse("2030-01-01T00:00:00Z");
        assertFalse(deadline.isPassedAt(Instant.parse("2029-12-31T23:59:59Z")));
        assertTrue(deadline.isPassedAt(Instant.parse("2030-01-01T00:00:00Z")));
        assertFalse(Deadline.parse("forever").isPassedAt(Instant.MAX));
    }

    @Test
    void onlyReadIsAPermit() {
        assertThrows(WharfException.class, () -> new ShareTerms("write", Deadline.parse("forever"), ""));
        assertThrows(WharfException.class, () -> new ShareTerms(null, Deadline.parse("forever"), ""));
        assertEquals("", new ShareTerms("read", Deadline.parse("forever"), null).description());
    }
}
