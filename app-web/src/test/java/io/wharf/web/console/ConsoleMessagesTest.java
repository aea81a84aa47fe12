package io.wharf.web.console;

import io.wharf.domain.repository.Category;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleMessagesTest {
    private static final Path TEMPLATES = Path.of("src/main/webapp/WEB-INF/templates");
    private static final Path PAGES = Path.of("src/main/java/io/wharf/web/console");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleMessages.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> used(Path dir, String glob, Pattern key) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName())).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void englishAndChineseHaveTheSameTexts() throws IOException {
        assertEquals(new TreeSet<>(bundle("messages.properties").stringPropertyNames()),
                new TreeSet<>(bundle("messages_zh.properties").stringPropertyNames()));
    }

    @Test
    void everyTextATemplateOrPageAsksForExists() throws IOException {
        Set<String> known = bundle("messages.properties").stringPropertyNames();
        Set<String> asked = new TreeSet<>(used(TEMPLATES, "*.html", Pattern.compile("#\\{([a-zA-Z0-9.]+)[}(]")));
        asked.addAll(used(TEMPLATES, "*.html", Pattern.compile("msg\\('([a-zA-Z0-9.]+)'")));
        asked.addAll(used(PAGES, "*.java", Pattern.compile("text\\(\"([a-zA-Z0-9.]+)\"")));
        asked.removeAll(known);
        assertTrue(asked.isEmpty(), "missing from messages.properties: " + asked);
    }

    @Test
    void categoriesRightsAndStatusesAreNamedInBothLanguages() {
        for (Locale locale : ConsoleLocale.LANGUAGES) {
            Arrays.stream(Category.values()).forEach(c ->
                    assertTrue(ConsoleMessages.text(locale, "category." + c.apiName()) != null, c.apiName()));
            Stream.of("right.1", "right.3", "right.7", "sync.status.running", "sync.status.finished", "sync.status.failed")
                    .forEach(k -> assertTrue(ConsoleMessages.text(locale, k) != null, k));
        }
    }

    @Test
    void aChineseReaderGetsChineseWithItsPlaceholdersFilled() {
        assertEquals("已删除 3 个标签。", ConsoleMessages.text(Locale.SIMPLIFIED_CHINESE, "tags.deletedMany", 3));
        assertEquals("One tag deleted.", ConsoleMessages.text(Locale.ENGLISH, "tags.deletedMany", 1));
        assertEquals("Shared with team-b.", ConsoleMessages.text(Locale.ENGLISH, "share.added", "team-b"));
    }

    @Test
    void aRefusalNamesFieldsAsTheFormsLabelThem() {
        assertEquals("URL must be http(s)://host[:port].",
                ConsoleMessages.inWords(Locale.ENGLISH, "registry_url must be http(s)://host[:port]."));
        assertEquals("区域 ID must be 1 to 64 characters.",
                ConsoleMessages.inWords(Locale.SIMPLIFIED_CHINESE, "region_id must be 1 to 64 characters."));
        assertEquals("Some_unknown_field stays as it is.",
                ConsoleMessages.inWords(Locale.ENGLISH, "some_unknown_field stays as it is."));
    }
}
