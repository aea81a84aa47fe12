package io.wharf.web.console;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleLocaleTest {
    @Test
    void anyChineseIsSimplifiedChineseAndEnglishTheRest() {
        assertEquals(Optional.of(Locale.SIMPLIFIED_CHINESE), ConsoleLocale.supported("zh-CN"));
        assertEquals(Optional.of(Locale.SIMPLIFIED_CHINESE), ConsoleLocale.supported("zh-TW"));
        assertEquals(Optional.of(Locale.ENGLISH), ConsoleLocale.supported("en-GB"));
        assertEquals(Optional.empty(), ConsoleLocale.supported("fr"));
        assertEquals(Optional.empty(), ConsoleLocale.supported(""));
    }

    @Test
    void onlyRealTimeZonesAreTaken() {
        assertEquals(Optional.of(ZoneId.of("Asia/Shanghai")), ConsoleLocale.zone("Asia/Shanghai"));
        assertEquals(Optional.empty(), ConsoleLocale.zone("Mars/Olympus"));
        assertEquals(Optional.empty(), ConsoleLocale.zone("x".repeat(100)));
    }

    @Test
    void thePagesLanguageTagFollowsTheLocale() {
        assertEquals("zh-CN", new ConsoleLocale(Locale.SIMPLIFIED_CHINESE, ConsoleLocale.UTC).tag());
        assertEquals("en", new ConsoleLocale(Locale.ENGLISH, ConsoleLocale.UTC).tag());
    }

    @Test
    void aCookieThatIsNotValidUrlEncodingIsIgnoredRatherThanRefusingThePage() {
        assertEquals(Optional.empty(), ConsoleLocale.decoded("%ZZ%"));
        assertEquals(Optional.empty(), ConsoleLocale.decoded("%E0%A4%A"));
        assertEquals(Optional.of("Asia/Shanghai"), ConsoleLocale.decoded("Asia%2FShanghai"));
    }
}
