package io.wharf.domain.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationTest {

    private static List<String> problems(Map<String, String> environment) {
        return Configuration.problems(environment, new Properties(), new Properties());
    }

    private static Properties of(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void goodSettingsHaveNoProblem() {
        assertEquals(List.of(), problems(Map.of("WHARF_TLS", "on", "WHARF_HTTPS_PORT", "8443", "WHARF_SCAN_WORKERS", "4",
                "WHARF_EXTERNAL_URL", "https://registry.example.com:8443", "WHARF_GC_INTERVAL_HOURS", "0.5", "PATH", "/bin")));
    }

    @Test
    void theMariaDbDriversHighAvailabilityUrlsAreUrlsToo() {
        assertEquals(List.of(), problems(Map.of("WHARF_DB_URL", "jdbc:mariadb:sequential://db1:3306,db2:3306/wharf")));
        assertEquals(List.of("WHARF_DB_URL must be a jdbc:mariadb: URL, not \"jdbc:mysql://db/wharf\"."),
                problems(Map.of("WHARF_DB_URL", "jdbc:mysql://db/wharf")));
    }

    @Test
    void aMisspeltNameIsRefusedWithTheNearestSetting() {
        assertEquals(List.of("WHARF_TSL is not a Wharf setting (did you mean WHARF_TLS?); README.md lists them all."),
                problems(Map.of("WHARF_TSL", "on")));
    }

    @Test
    void anUnknownNameFarFromAnyIsRefusedWithoutAGuess() {
        assertEquals(List.of("WHARF_SOMETHING_ELSE_ENTIRELY is not a Wharf setting; README.md lists them all."),
                problems(Map.of("WHARF_SOMETHING_ELSE_ENTIRELY", "1")));
    }

    @Test
    void aBadValueIsRefusedNamingTheSettingAndItsRule() {
        assertEquals(List.of("WHARF_SCAN_WORKERS must be a whole number from 1 to 64, not \"lots\"."),
                problems(Map.of("WHARF_SCAN_WORKERS", "lots")));
        assertEquals(List.of("WHARF_TLS must be one of off, on, only, not \"yes\"."), problems(Map.of("WHARF_TLS", "yes")));
        assertEquals(List.of("WHARF_HTTPS_PORT must be a port from 1 to 65535, not \"70000\"."),
                problems(Map.of("WHARF_HTTPS_PORT", "70000")));
    }

    @Test
    void aRefusedSecretIsNeverPrinted() {
        List<String> said = problems(Map.of("WHARF_SECRET_KEY", "not-base64-at-all!"));
        assertEquals(1, said.size());
        assertTrue(said.get(0).contains("******") && !said.get(0).contains("not-base64"), said.get(0));
    }

    @Test
    void aSystemPropertyIsCheckedBeforeTheEnvironment() {
        assertEquals(List.of("WHARF_BACKUP_KEEP must be a whole number from 1 to 1000, not \"0\"."),
                Configuration.problems(Map.of("WHARF_BACKUP_KEEP", "3"), of("WHARF_BACKUP_KEEP", "0"), new Properties()));
    }

    @Test
    void theFileIsCheckedLikeTheEnvironmentButCannotHoldWhatLibertyReads() {
        List<String> said = Configuration.problems(Map.of("WHARF_CONFIG_FILE", "/etc/wharf/wharf.properties"),
                new Properties(), of("WHARF_SCAN_WORKERS", "2", "WHARF_DB", "mariadb", "WHARF_AUDTI", "off",
                        "WHARF_AUDIT_RETENTION_DAYS", "-1"));
        assertEquals(Set.of(
                "WHARF_AUDTI is not a Wharf setting (did you mean WHARF_AUDIT?); README.md lists them all."
                        + " (in /etc/wharf/wharf.properties)",
                "WHARF_DB cannot be set in /etc/wharf/wharf.properties: Liberty reads it before Wharf starts; set it in the"
                        + " environment.",
                "WHARF_AUDIT_RETENTION_DAYS must be a whole number from 1 to 36500, not \"-1\"."), Set.copyOf(said));
    }

    @Test
    void everySettingIsOnceInTheCatalogue() {
        assertEquals(Configuration.SETTINGS.size(),
                Configuration.SETTINGS.stream().map(Setting::name).collect(Collectors.toSet()).size());
        assertThrows(IllegalArgumentException.class, () -> Configuration.value("WHARF_NOT_A_SETTING"));
    }

    @Test
    void theEffectiveSettingsMaskSecretsAndSayWhereEachCameFrom() {
        Configuration.Effective password = Configuration.effective().stream()
                .filter(e -> e.name().equals("WHARF_DB_PASSWORD")).findFirst().orElseThrow();
        assertTrue(password.secret());
        assertTrue(password.value().equals("******") || password.source().equals("default"), password.toString());
    }

    /** README.md's table of settings lists exactly the catalogue (and JVM_ARGS, which is Liberty's launcher's). */
    @Test
    void theReadmeListsExactlyTheCatalogue() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            if (line.startsWith("| `")) {
                Matcher names = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line.substring(0, line.indexOf('|', 2)));
                while (names.find()) {
                    documented.add(names.group(1));
                }
            }
        }
        documented.remove("JVM_ARGS");
        assertEquals(Configuration.SETTINGS.stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new)),
                documented);
    }

    @Test
    void theNearestNameIsFoundByEditDistance() {
        assertEquals(2, Configuration.distance("WHARF_TLS", "WHARF_TSL"));
        assertFalse(Configuration.distance("WHARF_TLS", "WHARF_HOST") <= 1);
    }
}
