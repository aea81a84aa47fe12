package io.wharf.domain.repository;

import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepositoryNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"busybox", "1app", "tools/busybox", "a/b/c", "a-b", "a--b", "a__b", "a.b", "9", "x1/y_2.z-3"})
    void acceptsNamesThatFollowEveryRule(String name) {
        assertNull(RepositoryName.brokenRule(name), name);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" breaks: {1}")
    @CsvSource(delimiter = '|', value = {
            "''|1 to 128 characters",
            "Busybox|only lowercase letters",
            "a$b|only lowercase letters",
            "/a|start with a lowercase letter or digit",
            "-a|start with a lowercase letter or digit",
            "a/|end with a lowercase letter or digit",
            "a//b|cannot be placed next to each other",
            "a/-b|cannot be placed next to each other",
            "a._b|cannot be placed next to each other",
            "a___b|two consecutive underscores",
    })
    void refusesNamesNamingTheBrokenRule(String name, String rule) {
        WharfException refused = assertThrows(WharfException.class, () -> new RepositoryName(name));
        assertEquals(Failure.INVALID, refused.failure());
        assertEquals("repository", refused.field());
        assertTrue(refused.getMessage().contains(rule), refused.getMessage());
    }

    @Test
    void refusesNamesLongerThan128() {
        assertNull(RepositoryName.brokenRule("a".repeat(128)));
        assertThrows(WharfException.class, () -> new RepositoryName("a".repeat(129)));
    }

    @Test
    void aDollarInAPathStandsForASlash() {
        RepositoryName name = RepositoryName.fromPath("tools$busybox");
        assertEquals("tools/busybox", name.value());
        assertEquals("tools$busybox", name.inPath());
    }

    @Test
    void categoriesAreReadByTheirApiNamesOnly() {
        assertEquals(Category.APP_SERVER, Category.of("app_server"));
        WharfException refused = assertThrows(WharfException.class, () -> Category.of("LINUX"));
        assertTrue(refused.getMessage().contains("app_server, linux"));
    }

    @Test
    void descriptionsAreBoundedAndCategoryDefaultsToOther() {
        assertEquals(Category.OTHER, new RepositoryDetails(null, null, true).category());
        assertEquals("", new RepositoryDetails(null, null, true).description());
        WharfException tooLong = assertThrows(WharfException.class,
                () -> new RepositoryDetails(Category.LINUX, "x".repeat(1001), true));
        assertEquals(Failure.TOO_LONG, tooLong.failure());
        assertEquals("description", tooLong.field());
    }
}
