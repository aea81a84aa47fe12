package io.wharf.domain.scan;

/**
 * One rule of an unsafe-settings baseline applied to an image (HSS's "risk configs"): the check it belongs to, the
 * rule's id and name, its severity ({@code High}, {@code Medium}, {@code Low}), the check type and standard, whether the
 * image passed, and what failed it.
 */
public record RiskCheck(String checkName, String checkType, String standard, String ruleId, String ruleName,
                        String severity, boolean passed, String evidence) {
}
