package io.wharf.domain.retention;

import java.time.Instant;

/** A tag a retention policy removed: when, from where, and the rule (as JSON, the reference's {@code rule_type}). */
public record RetentionRecord(long id, long retentionId, String namespace, String repository, String tag, String ruleType,
                              Instant createdAt) {
}
