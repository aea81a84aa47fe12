package io.wharf.web.application;

/**
 * A user's password changed (or was set, or recovered): this server forgets what it remembered of their credentials at
 * once (the registry keeps a successful Basic login for a minute); other servers forget within that minute.
 */
public record CredentialsChanged(String userId) {
}
