package io.wharf.web.console;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's texts: {@code #{key}} in a template is read from the {@code messages} bundle of this package in the
 * page's language (English, or Chinese for {@code zh}). A key missing from the bundle shows as {@code ??key??}, which
 * the message bundle test looks for.
 */
final class ConsoleMessages extends AbstractMessageResolver {
    static final String BUNDLE = "io.wharf.web.console.messages";

    ConsoleMessages() {
        setName("wharf-console");
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        return text(context.getLocale(), key, parameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] parameters) {
        return "??" + key + "??";
    }

    /** One text of the bundle in this language, its {@code {0}} placeholders filled; null when the key is unknown. */
    static String text(Locale locale, String key, Object... parameters) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale, ConsoleMessages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return parameters == null || parameters.length == 0 ? pattern
                    : new MessageFormat(pattern, locale).format(parameters);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern API_FIELD =
            java.util.regex.Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b|\\b[a-z]+[A-Z][A-Za-z]+\\b");

    /** A domain message with the API's field names ({@code registry_url}) replaced by the form labels of this language. */
    static String inWords(Locale locale, String message) {
        java.util.regex.Matcher field = API_FIELD.matcher(message);
        StringBuilder words = new StringBuilder();
        while (field.find()) {
            String label = text(locale, "field." + field.group());
            field.appendReplacement(words, java.util.regex.Matcher.quoteReplacement(label == null ? field.group() : label));
        }
        field.appendTail(words);
        String result = words.toString();
        return result.isEmpty() ? result : Character.toUpperCase(result.charAt(0)) + result.substring(1);
    }
}
