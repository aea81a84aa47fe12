package io.wharf.domain.account;

import java.time.Instant;

/**
 * A tenant. It owns organizations and users and has exactly one project, whose id is the {@code {project_id}} of the
 * {@code /v5} API. The {@code system} account holds Wharf's administrators, who create the other accounts.
 */
public record Account(String id, AccountName name, String projectId, boolean system, Instant createdAt) {
}
