package io.wharf.web.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reader's language and time zone. The language is the one chosen with the switcher ({@code ?lang=zh-CN}, kept
 * in a cookie for a year), else the best of the browser's {@code Accept-Language}; the time zone is the one chosen on
 * the preferences page or detected by the browser (a cookie the console script sets), else UTC.
 */
public record ConsoleLocale(Locale locale, ZoneId zone) {
    static final String LANGUAGE_COOKIE = "wharf-lang";
    static final String ZONE_COOKIE = "wharf-tz";
    static final ZoneId UTC = ZoneId.of("UTC");
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    static ConsoleLocale of(HttpServletRequest request, HttpServletResponse response) {
        Locale chosen = supported(request.getParameter("lang")).orElse(null);
        if (chosen != null) {
            remember(request, response, LANGUAGE_COOKIE, chosen.toLanguageTag());
        }
        Locale locale = Optional.ofNullable(chosen)
                .or(() -> cookie(request, LANGUAGE_COOKIE).flatMap(ConsoleLocale::supported))
                .orElseGet(() -> fromBrowser(request));
        ZoneId zone = cookie(request, ZONE_COOKIE).flatMap(ConsoleLocale::zone).orElse(UTC);
        return new ConsoleLocale(locale, zone);
    }

    /** Keeps a preference on this browser for a year; {@code HttpOnly} is off for the zone so the script can set it. */
    static void remember(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(!name.equals(ZONE_COOKIE));
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    static Optional<ZoneId> zone(String id) {
        try {
            return id == null || id.isBlank() || id.length() > 64 ? Optional.empty() : Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The best of the browser's languages; a malformed header already reads as absent (AcceptLanguageFilter). */
    private static Locale fromBrowser(HttpServletRequest request) {
        for (Locale wanted : java.util.Collections.list(request.getLocales())) {
            Optional<Locale> match = supported(wanted.toLanguageTag());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return Locale.ENGLISH;
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getCookies()).flatMap(cookies -> Arrays.stream(cookies)
                .filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst())
                .flatMap(ConsoleLocale::decoded);
    }

    /** A cookie's value, or nothing when it is not valid URL encoding (a planted cookie must not lock anyone out). */
    static Optional<String> decoded(String value) {
        try {
            return Optional.of(java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The page's {@code lang} attribute. */
    public String tag() {
        return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
    }
}
