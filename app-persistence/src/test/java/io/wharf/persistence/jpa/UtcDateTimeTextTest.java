package io.wharf.persistence.jpa;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The DATETIME text MariaDB sends, read by position; anything else is left to the driver. */
class UtcDateTimeTextTest {

    @Test
    void microsecondsAreRead() {
        assertEquals(LocalDateTime.of(2026, 3, 29, 1, 30, 0, 123_456_000),
                UtcDateTimeJdbcType.parse("2026-03-29 01:30:00.123456"));
    }

    @Test
    void aValueWithoutFractionIsWholeSeconds() {
        assertEquals(LocalDateTime.of(1999, 12, 31, 23, 59, 59), UtcDateTimeJdbcType.parse("1999-12-31 23:59:59"));
    }

    @Test
    void aShortFractionIsTenthsOrMilliseconds() {
        assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 500_000_000), UtcDateTimeJdbcType.parse("2026-01-02 03:04:05.5"));
        assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 120_000_000), UtcDateTimeJdbcType.parse("2026-01-02 03:04:05.120"));
    }

    @Test
    void otherShapesAreLeftToTheDriver() {
        assertNull(UtcDateTimeJdbcType.parse("2026-01-02T03:04:05"));
        assertNull(UtcDateTimeJdbcType.parse("0000-00-00 00:00:00"));
        assertNull(UtcDateTimeJdbcType.parse("2026-02-30 00:00:00"));
        assertNull(UtcDateTimeJdbcType.parse("2026-01-02 03:04"));
        assertNull(UtcDateTimeJdbcType.parse("2026-01-02 03:04:05.x"));
        assertNull(UtcDateTimeJdbcType.parse("2026-01-02 03:04:05.1234567890"));
    }
}
