package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.account.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One console request: its caller (when signed in), its CSRF token, and the ways to answer it. */
public final class ConsoleRequest {
    static final String FLASH = "wharf.flash";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    /** What the page answered: a view, a redirect or a download; the resource method returns it. */
    private Response outcome;
    private final Caller caller;
    private final String[] path;
    private final ConsoleLocale reader;

    ConsoleRequest(HttpServletRequest request, HttpServletResponse response, Caller caller) {
        this.request = request;
        this.response = response;
        this.caller = caller;
        this.reader = ConsoleLocale.of(request, response);
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        this.path = info.replaceAll("^/+|/+$", "").isEmpty() ? new String[0] : info.replaceAll("^/+|/+$", "").split("/");
    }

    public Caller caller() {
        return caller;
    }

    /** The path below {@code /console}, split on slashes. */
    String[] path() {
        return path;
    }

    boolean isPost() {
        return "POST".equals(request.getMethod());
    }

    public String param(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    /** Every value of a repeated field (the ticked boxes of a list), stripped, blanks left out. */
    public List<String> params(String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : java.util.Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().toList();
    }

    public int intParam(String name, int fallback) {
        try {
            return Math.max(0, Integer.parseInt(param(name)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** What the front door noted on this request (e.g. that the user must change their password first). */
    Object attribute(String name) {
        return request.getAttribute(name);
    }

    HttpSession session(boolean create) {
        return request.getSession(create);
    }

    /** Keeps a message for the next page shown, the usual answer after a redirect. */
    public void flash(String message) {
        request.getSession(true).setAttribute(FLASH, message);
    }

    /** Keeps one of the reader's preferences on this browser. */
    void remember(String cookie, String value) {
        ConsoleLocale.remember(request, response, cookie, java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The reader's language and time zone. */
    public ConsoleLocale reader() {
        return reader;
    }

    /** A text of the console's message bundle in the reader's language. */
    public String text(String key, Object... parameters) {
        String text = ConsoleMessages.text(reader.locale(), key, parameters);
        return text == null ? key : text;
    }

    /**
     * A refusal in the reader's words: the API's field names in the domain's message ({@code registry_url}) become
     * the form's labels ({@code field.registry_url} in the bundle), so a person reads what to fix on the page.
     */
    public String refusal(WharfException refused) {
        return ConsoleMessages.inWords(reader.locale(), refused.getMessage());
    }

    /** The path and query this request asked for, for a return address. */
    String requested() {
        String query = request.getQueryString();
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo())
                + (query == null ? "" : "?" + query);
    }

    public void redirect(String path) {
        answer(Response.status(Response.Status.FOUND).header("Location", request.getContextPath() + path).build());
    }

    /** Keeps the page's answer; the first one counts (a page answers once, then returns). */
    private void answer(Response answer) {
        if (outcome == null) {
            outcome = answer;
        }
    }

    /** Drops an answer a failed page had begun, so the error page answers instead. */
    void forget() {
        outcome = null;
    }

    /** The page's answer, for its resource method to return. */
    Response outcome() {
        return outcome == null ? Response.noContent().build() : outcome;
    }

    /** The console request the front door made for this HTTP request. */
    static ConsoleRequest of(HttpServletRequest http) {
        return (ConsoleRequest) http.getAttribute(ConsoleRequest.class.getName());
    }

    /**
     * A redirect with a relative {@code Location} (RFC 9110 allows it): {@code sendRedirect} would make it absolute
     * from the request's {@code Host} header, which the client chooses.
     */
    static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }

    /** The named form fields as typed, keyed by their names without underscores (as the templates read them). */
    Map<String, Object> typed(List<String> fields) {
        Map<String, Object> form = new HashMap<>();
        fields.forEach(f -> form.put(f.replace("_", ""), param(f)));
        return form;
    }

    /** Shows a page again after a refused form, with the refusal's status and message. */
    @FunctionalInterface
    interface Rerender {
        void render(int status, String error) throws IOException;
    }

    /**
     * The console's form round trip: runs the action, keeps its message and redirects to {@code page} (so a refresh
     * does not submit again); a refusal shows the page again, with what was typed, the status and the message.
     */
    void submit(String page, java.util.function.Supplier<String> action, Rerender refused) throws IOException {
        try {
            flash(action.get());
            redirect(page);
        } catch (WharfException e) {
            refused.render(statusOf(e), refusal(e));
        }
    }

    /** The console's reading of a refused action: the page is shown again with this status and the message. */
    static int statusOf(WharfException refused) {
        return switch (refused.failure()) {
            case INVALID, UNKNOWN_REFERENCE -> 400;
            case TOO_LONG -> 413;
            case ANONYMOUS, UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case EXISTS, NOT_EMPTY, BUSY, LIMIT_REACHED -> 409;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /** Sends a file to download (an SBOM) instead of a page. */
    public void download(String fileName, String contentType, byte[] content) throws IOException {
        answer(Response.ok(content, contentType).header("Content-Disposition", "attachment; filename=\""
                + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"").build());
    }

    public void render(String template, Map<String, Object> variables) throws IOException {
        render(200, template, variables);
    }

    public void render(int status, String template, Map<String, Object> variables) throws IOException {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("caller", caller);
        all.put("reader", reader);
        all.put("fmt", new ConsoleFormat(reader));
        all.put("here", requested());
        all.put("release", io.wharf.domain.startup.Release.version());
        all.putIfAbsent("maintenance", request.getAttribute(ConsoleFrontDoor.MAINTENANCE));
        all.put("csrf", CsrfToken.of(request.getSession(true)));
        HttpSession session = request.getSession(false);
        Optional.ofNullable(session).map(s -> s.getAttribute(FLASH)).ifPresent(flash -> {
            all.put("flash", flash);
            session.removeAttribute(FLASH);
        });
        answer(Response.status(status).type("text/html;charset=UTF-8").entity(new View(template, all, reader.locale()))
                .build());
    }
}
