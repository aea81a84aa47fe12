package io.wharf.web.api.manage;

/** Body of sharing ({@code POST}) and of changing a share ({@code PATCH}, without {@code access_domain}). */
public record ShareRequest(String accessDomain, String permit, String deadline, String description) {
}
