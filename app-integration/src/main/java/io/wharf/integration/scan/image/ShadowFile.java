package io.wharf.integration.scan.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code etc/shadow}: the accounts whose password field is empty (anyone may log in as them without a password). */
public final class ShadowFile implements FileAnalyzer {

    /** The users with an empty password hash. */
    public record EmptyPasswords(List<String> users) {
    }

    @Override
    public boolean wants(String path, long size) {
        return path.equals("etc/shadow") && size < 1024 * 1024;
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        List<String> users = new ArrayList<>();
        for (String line : new String(content.readNBytes(1024 * 1024), StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length > 1 && !fields[0].isBlank() && fields[1].isEmpty()) {
                users.add(fields[0]);
            }
        }
        return List.of(new EmptyPasswords(users));
    }
}
