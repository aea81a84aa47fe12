package io.wharf.web.query;

import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwrFilterTest {
    private static final Set<String> KEYS = Set.of("namespace", "mode", "name");

    @Test
    void readsEveryPairOfTheDocumentedSyntax() {
        SwrFilter filter = SwrFilter.parse("namespace::group|mode::visible", KEYS);
        assertEquals(Optional.of("group"), filter.value("namespace"));
        assertEquals(Optional.of("visible"), filter.value("mode"));
        assertEquals(Optional.empty(), filter.value("name"));
    }

    @Test
    void anAbsentOrEmptyFilterSelectsNothingInParticular() {
        assertTrue(SwrFilter.parse(null, KEYS).value("namespace").isEmpty());
        assertTrue(SwrFilter.parse("", KEYS).value("namespace").isEmpty());
    }

    @Test
    void valuesMayContainSingleColons() {
        assertEquals(Optional.of("a:b"), SwrFilter.parse("name::a:b", KEYS).value("name"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {
            "colour::red;unknown key 'colour'",
            "namespace:group;not of the form key::value",
            "namespace::;has no value",
            "namespace::a|namespace::b;more than once",
            "namespace::a|;not of the form key::value",
            "|namespace::a;not of the form key::value",
            "Namespace::a;unknown key 'Namespace'",
    })
    void refusesWhatItCannotReadInsteadOfIgnoringIt(String raw, String why) {
        WharfException refused = assertThrows(WharfException.class, () -> SwrFilter.parse(raw, KEYS));
        assertEquals(Failure.INVALID, refused.failure());
        assertEquals("filter", refused.field());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @Test
    void aSeparateParameterStandsInForAMissingKeyAndMustAgreeWithAPresentOne() {
        assertEquals(Optional.of("x"), SwrFilter.parse(null, KEYS).valueOr("namespace", "x"));
        assertEquals(Optional.of("x"), SwrFilter.parse("namespace::x", KEYS).valueOr("namespace", null));
        assertEquals(Optional.of("x"), SwrFilter.parse("namespace::x", KEYS).valueOr("namespace", "x"));
        assertThrows(WharfException.class, () -> SwrFilter.parse("namespace::x", KEYS).valueOr("namespace", "y"));
    }
}
