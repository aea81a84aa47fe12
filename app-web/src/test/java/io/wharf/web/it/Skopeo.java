package io.wharf.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's skopeo against the test server (plain HTTP, so TLS verification off). */
final class Skopeo {
    static final String REGISTRY = WharfServer.URL.replaceFirst("^https?://", "");

    private Skopeo() {
    }

    record Result(int exitCode, String output) {
        Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("skopeo failed (" + exitCode + "): " + output);
            }
            return this;
        }
    }

    static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
        command.addAll(List.of(args));
        try {
            Process process = start(command);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("skopeo took more than 10 minutes: " + command);
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static String image(String path) {
        return "docker://" + REGISTRY + "/" + path;
    }

    static String creds(WharfServer.TestAccount account) {
        return account.name() + "/" + account.adminName() + ":" + account.adminPassword();
    }
}
