package io.wharf.web.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error path on a server just started on an empty data directory, for each API root reached first: JAX-RS
 * applications initialise on their first request, and the order once decided whether an unknown path answered the
 * SWR 404 or Liberty's HTML 500. Every request of the corpus answers below 500 in its protocol's shape, and the
 * server's log holds no stack trace and its ffdc directory no incident when it has stopped.
 */
class FreshServerErrorsIT {
    private static final String PASSWORD = "Fresh-Admin-1";

    /** method, path, body (null: none), content type (null: JSON), the protocol that must answer. */
    private record Probe(String method, String path, String body, String type, String protocol, Map<String, String> headers) {
        Probe(String method, String path, String body, String protocol) {
            this(method, path, body, null, protocol, Map.of());
        }
    }

    private static List<Probe> corpus(String firstRoot) {
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("POST", "/v2/manage/nosuch", "{\"a\":1}", "swr"),
                new Probe("POST", "/v2/manage/overview", "{}", "swr"),
                new Probe("POST", "/v2/manage/namespaces/ns/repos/app/triggers/t", "{}", "swr"),
                new Probe("POST", "/v2/manage/namespaces/ns/repos/app/retentions/1", "{}", "swr"),
                new Probe("PATCH", "/v2/manage/namespaces", "{}", "swr"),
                new Probe("POST", "/v2/manage/namespaces", "{\"namespace\":", "swr"),
                new Probe("POST", "/v2/manage/namespaces", "namespace=x", "application/x-www-form-urlencoded", "swr",
                        Map.of()),
                new Probe("GET", "/v2/manage/namespaces", null, null, "swr", Map.of("Accept-Language", "=;;q=x,,;q=2")),
                new Probe("GET", "/v2/manage/namespaces?filter=nosuch::x", null, "swr"),
                new Probe("GET", "/v2/manage/namespaces/ns/repos/app/sync_job?filter=limit::99999999999999999999", null, "swr"),
                new Probe("POST", "/v3/nosuch", "{}", "swr"),
                new Probe("DELETE", "/v3/auth/tokens", null, "swr"),
                new Probe("PUT", "/v5/project/image/nosuch", "{}", "swr"),
                new Probe("POST", "/v5/project/image/pull-policy", "[]", "swr"),
                new Probe("GET", "/v2/nosuch/manifests/latest", null, "registry"),
                new Probe("PATCH", "/v2/", null, "registry"),
                new Probe("GET", "/console/nosuch", null, "console"),
                new Probe("GET", "/console/regions", null, null, "console", Map.of("Cookie", "wharf-tz=%ZZ%; wharf-lang=%E0%A4%A")),
                new Probe("GET", "/console/sign-in", null, null, "console", Map.of("Accept-Language", ";;;=q,-_-;q=abc"))));
        // The first request decides which application initialises first.
        probes.sort((a, b) -> Boolean.compare(!a.path().startsWith(firstRoot), !b.path().startsWith(firstRoot)));
        return probes;
    }

    @ParameterizedTest(name = "{0} first")
    @ValueSource(strings = {"/v2/manage", "/v5", "/console", "/v3"})
    void everyRootAnswersInItsShapeWhicheverInitialisesFirst(String firstRoot) throws Exception {
        ExtraServer server = new ExtraServer("wharf-fresh-" + firstRoot.replaceAll("\\W", ""),
                Map.of("WHARF_ADMIN_PASSWORD", PASSWORD));
        server.start();
        List<String> wrong = new ArrayList<>();
        try {
            for (Probe probe : corpus(firstRoot)) {
                HttpResponse<String> answer = send(server, probe);
                String problem = problem(probe, answer);
                if (problem != null) {
                    wrong.add(probe.method() + " " + probe.path() + ": " + problem);
                }
            }
        } finally {
            server.stop();
        }
        assertEquals(List.of(), wrong);
        assertTrue(LogCheck.problems(server.log().getParent()).isEmpty(),
                "the server's logs: " + LogCheck.problems(server.log().getParent()));
    }

    private static HttpResponse<String> send(ExtraServer server, Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url + probe.path()))
                .timeout(Duration.ofSeconds(60))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body()));
        if (probe.body() != null) {
            request.header("Content-Type", probe.type() == null ? "application/json" : probe.type());
        }
        probe.headers().forEach(request::header);
        return WharfServer.send(request);
    }

    /** What is wrong with an answer, or null. */
    private static String problem(Probe probe, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String body = answer.body();
        if (probe.protocol().equals("console") && status >= 300 && status < 400) {
            return null;
        }
        if (status < 400 || status >= 500) {
            return "status " + status + " " + abbreviated(body);
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("Error 500")) {
            return "a stack trace or Liberty's page: " + abbreviated(body);
        }
        return switch (probe.protocol()) {
            case "swr" -> type.startsWith("application/json") && body.contains("\"error_code\"")
                    && body.contains("\"error_msg\"") ? null : "not the SWR error shape: " + type + " " + abbreviated(body);
            case "registry" -> type.startsWith("application/json") && body.startsWith("{\"errors\":[")
                    ? null : "not the distribution error shape: " + type + " " + abbreviated(body);
            default -> type.startsWith("text/html") && body.contains("<html") ? null
                    : "not a console page: " + status + " " + type + " " + abbreviated(body);
        };
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** Reads a server's logs directory for what must not be there; shared with the whole-run check in .ci/run. */
    static final class LogCheck {
        private LogCheck() {
        }

        static List<String> problems(Path logs) throws Exception {
            List<String> found = new ArrayList<>();
            Path ffdc = logs.resolve("ffdc");
            if (Files.isDirectory(ffdc)) {
                try (Stream<Path> incidents = Files.list(ffdc)) {
                    incidents.map(p -> "incident " + p.getFileName()).forEach(found::add);
                }
            }
            Path messages = logs.resolve("messages.log");
            if (Files.exists(messages)) {
                for (String line : Files.readAllLines(messages)) {
                    if (line.startsWith("\tat ") || line.contains(" E ") && line.contains("Exception")) {
                        found.add(line.strip());
                    }
                }
            }
            return found;
        }
    }
}
