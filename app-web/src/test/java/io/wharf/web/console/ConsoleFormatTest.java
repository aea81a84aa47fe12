package io.wharf.web.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleFormatTest {
    private static final ConsoleFormat UTC = new ConsoleFormat(new ConsoleLocale(Locale.ENGLISH, ZoneId.of("UTC")));

    @Test
    void sizesAreInBinaryUnitsOnly() {
        assertEquals("2.6 MiB", UTC.bytes(2_718_285));
        assertEquals("512 B", UTC.bytes(512));
        assertEquals("1.0 KiB", UTC.bytes(1024));
        assertEquals("3.0 GiB", UTC.bytes(3L * 1024 * 1024 * 1024));
    }

    @Test
    void timesAreShownInTheReadersZoneWithTheZoneNamed() {
        ConsoleFormat shanghai = new ConsoleFormat(new ConsoleLocale(Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai")));
        Instant at = Instant.parse("2026-11-30T09:21:00Z");
        assertEquals("2026-11-30 17:21 CST", shanghai.time(at));
        assertEquals("2026-11-30 09:21 UTC", UTC.time(at));
    }

    @Test
    void numbersAreGroupedTheLocalesWay() {
        assertEquals("1,234,567", UTC.number(1_234_567));
        assertEquals("1.234.567", new ConsoleFormat(new ConsoleLocale(Locale.GERMAN, ZoneId.of("UTC"))).number(1_234_567));
    }
}
