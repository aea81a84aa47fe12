package io.wharf.web.console;

import java.util.Locale;
import java.util.Map;

/** A console page to render: its template, what the template reads, and the reader's language. */
public record View(String template, Map<String, Object> variables, Locale locale) {
}
