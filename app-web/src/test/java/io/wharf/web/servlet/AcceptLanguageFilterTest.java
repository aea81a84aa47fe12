package io.wharf.web.servlet;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcceptLanguageFilterTest {
    @Test
    void aWellFormedHeaderGivesItsLocalesBestFirst() {
        assertEquals(List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("en")),
                AcceptLanguageFilter.parse("en;q=0.5, zh-CN"));
    }

    @Test
    void aMalformedHeaderCountsAsAbsent() {
        for (String header : List.of("=;;q=x,,;q=2", ";;;=q,-_-;q=abc", "en;q=7", "x".repeat(2000))) {
            assertEquals(List.of(), AcceptLanguageFilter.parse(header), header);
        }
    }
}
