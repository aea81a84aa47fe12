package io.wharf.domain.sync;

import io.wharf.domain.error.WharfException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A registry an account syncs from. A remote one has an http(s) base URL and credentials; the password is kept only
 * sealed ({@code sealedPassword}) and never leaves the server.
 */
public record SyncRegistry(long id, String accountId, String name, RegistryType type, String url, String username,
                           String sealedPassword, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Checks what a user typed: the name, and for a remote registry its URL and user name. */
    public static void validate(String name, RegistryType type, String url, String username, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("registry_name", "registry_name must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (!type.remote()) {
            return;
        }
        if (url == null || url.length() > 255) {
            throw invalid("registry_url", "registry_url is mandatory for " + type + " registries: http(s)://host[:port], at most 255 characters.");
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                throw invalid("registry_url", "registry_url must be http(s)://host[:port] with no credentials, query or fragment: " + url);
            }
        } catch (URISyntaxException e) {
            throw invalid("registry_url", "registry_url is not a URL: " + url);
        }
        if (username != null && username.length() > 128 || password != null && password.length() > 512) {
            throw invalid("username", "username is at most 128 characters and password at most 512.");
        }
    }

    private static WharfException invalid(String field, String message) {
        return WharfException.invalid(field, message);
    }
}
