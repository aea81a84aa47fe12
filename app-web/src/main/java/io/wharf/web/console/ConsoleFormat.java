package io.wharf.web.console;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How the console writes times, numbers and sizes for its reader ({@code ${fmt.time(x)}} in a template): times in the
 * reader's zone with the zone named, numbers grouped the locale's way, sizes in binary units (KiB, MiB, GiB) only.
 */
public final class ConsoleFormat {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter minutes;
    private final DateTimeFormatter seconds;
    private final DateTimeFormatter day;

    public ConsoleFormat(ConsoleLocale reader) {
        this.locale = reader.locale();
        this.zone = reader.zone();
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", locale);
        this.seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", locale);
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** A time to the minute in the reader's zone, the zone named ("2026-11-30 17:21 CST"); "—" when there is none. */
    public String time(TemporalAccessor at) {
        return at == null ? "—" : minutes.format(zoned(at));
    }

    /** A time to the second, for logs and histories. */
    public String exact(TemporalAccessor at) {
        return at == null ? "—" : seconds.format(zoned(at));
    }

    /** The day of a time in the reader's zone, written the locale's way. */
    public String date(TemporalAccessor at) {
        return at == null ? "—" : day.format(zoned(at));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(TemporalAccessor at) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zoned(at));
    }

    public String zoneName() {
        return zone.getDisplayName(TextStyle.SHORT, locale);
    }

    public String zoneId() {
        return zone.getId();
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A size in binary units with one decimal from KiB up: 2718285 → "2.6 MiB". */
    public String bytes(long value) {
        if (value < 1024) {
            return number(value) + " B";
        }
        double size = value;
        int unit = 0;
        while (size >= 1024 && unit < UNITS.length - 1) {
            size /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(size) + " " + UNITS[unit];
    }

    /** A share of a limit as a whole percentage, capped at 100 for bars; 0 when there is no limit. */
    public int percent(long used, long limit) {
        return limit <= 0 ? 0 : (int) Math.min(100, Math.round(used * 100.0 / limit));
    }

    private ZonedDateTime zoned(TemporalAccessor at) {
        if (at instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (at instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (at instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        return Instant.from(at).atZone(zone);
    }
}
