package io.wharf.domain.namespace;

import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamespaceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "group", "a1", "a-b", "a--b", "a---b", "a_b", "a__b", "a.b", "a.b_c-d__e",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "z9", "my.team-01"})
    void acceptsNamesThatFollowEveryRule(String name) {
        assertNull(NamespaceName.brokenRule(name), name);
        assertEquals(name, new NamespaceName(name).value());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" breaks: {1}")
    @CsvSource(delimiter = '|', value = {
            "''|1 to 64 characters",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm|1 to 64 characters",
            "Group|only lowercase letters",
            "gr oup|only lowercase letters",
            "grüppe|only lowercase letters",
            "a/b|only lowercase letters",
            "a$b|only lowercase letters",
            "1a|start with a lowercase letter",
            "_a|start with a lowercase letter",
            "-a|start with a lowercase letter",
            ".a|start with a lowercase letter",
            "a-|end with a lowercase letter or digit",
            "a_|end with a lowercase letter or digit",
            "a.|end with a lowercase letter or digit",
            "a..b|cannot be placed next to each other",
            "a_.b|cannot be placed next to each other",
            "a-.b|cannot be placed next to each other",
            "a._b|cannot be placed next to each other",
            "a-_b|cannot be placed next to each other",
            "a_-b|cannot be placed next to each other",
            "a__-b|cannot be placed next to each other",
            "a___b|two consecutive underscores",
            "a____b|two consecutive underscores",
    })
    void refusesNamesNamingTheBrokenRule(String name, String rule) {
        String broken = NamespaceName.brokenRule(name);
        assertTrue(broken != null && broken.contains(rule), () -> name + " -> " + broken);
        WharfException refused = assertThrows(WharfException.class, () -> new NamespaceName(name));
        assertEquals(Failure.INVALID, refused.failure());
        assertEquals("namespace", refused.field());
        assertTrue(refused.getMessage().contains(rule), refused.getMessage());
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertThrows(WharfException.class, () -> new NamespaceName(null));
    }
}
