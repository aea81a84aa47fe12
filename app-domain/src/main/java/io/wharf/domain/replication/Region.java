package io.wharf.domain.replication;

import io.wharf.domain.error.WharfException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.regex.Pattern;

/** A site images can be synced to: its id (the API's {@code remoteRegionId}), registry URL and sealed credentials. */
public record Region(String id, String url, String username, String sealedPassword, Instant createdAt) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    /** Checks what an administrator typed, naming the field. */
    public static void validate(String id, String url, String username, String password) {
        if (id == null || !ID.matcher(id).matches()) {
            throw WharfException.invalid("region_id", "region_id must be 1-64 lowercase letters, digits or '-', such as"
                    + " site-b.");
        }
        if (url == null || url.length() > 255) {
            throw WharfException.invalid("url", "url must be the registry's http(s)://host[:port], at most 255 characters.");
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                    || uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                throw WharfException.invalid("url", "url must be http(s)://host[:port] with nothing after it.");
            }
        } catch (URISyntaxException e) {
            throw WharfException.invalid("url", "url is not a URL.");
        }
        if (username != null && username.length() > 128 || password != null && password.length() > 512) {
            throw WharfException.invalid("username", "username is at most 128 characters and password at most 512.");
        }
    }
}
