package io.wharf.domain.config;

import java.util.function.Predicate;

/**
 * One setting: its name, its default as the documentation says it, what it means, the rule a value must follow
 * (described for the refusal) and whether it is a secret (never printed). {@code libertyReads}: Liberty's own
 * server.xml reads it before Wharf runs, so only the environment or bootstrap.properties can set it.
 */
public record Setting(String name, String defaultValue, String meaning, String rule, Predicate<String> accepts,
                      boolean secret, boolean libertyReads) {

    /** Why {@code value} is refused, or null when it is accepted. */
    public String refusal(String value) {
        return accepts.test(value.strip()) ? null : name + " must be " + rule + ", not \"" + shown(value) + "\".";
    }

    /** The value as it may be shown: a secret is masked. */
    public String shown(String value) {
        return secret ? "******" : value;
    }
}
