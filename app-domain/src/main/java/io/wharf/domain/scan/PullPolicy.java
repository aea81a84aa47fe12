package io.wharf.domain.scan;

import io.wharf.domain.account.UserName;
import io.wharf.domain.error.WharfException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which images of an organization may be pulled: refuse images not yet scanned (or whose scan failed), images with a
 * finding at or above a severity (after the organization's allowlist), images with a malicious file. Set by the
 * organization's managers; Wharf's administrators set the default for organizations without their own. The
 * break-glass users (users of the organization's account, named by the managers) are served what the policy refuses,
 * each such pull recorded in the audit trail.
 */
public record PullPolicy(boolean refuseUnscanned, Optional<Severity> refuseAtOrAbove, boolean refuseMalicious,
                         List<String> breakGlassUsers) {
    public static final PullPolicy NONE = new PullPolicy(false, Optional.empty(), false, List.of());
    /** Break-glass is for a few named people, not a group. */
    public static final int MAX_BREAK_GLASS_USERS = 20;

    public PullPolicy {
        breakGlassUsers = List.copyOf(breakGlassUsers);
        if (breakGlassUsers.size() > MAX_BREAK_GLASS_USERS) {
            throw WharfException.invalid("break_glass_users", "At most " + MAX_BREAK_GLASS_USERS
                    + " break-glass users.");
        }
        for (String user : breakGlassUsers) {
            try {
                new UserName(user);
            } catch (WharfException e) {
                throw WharfException.invalid("break_glass_users", "break_glass_users names users of the account: "
                        + user + " is not a user name.");
            }
        }
    }

    /** From the API's words: {@code severity} is {@code critical}, {@code high}, {@code medium}, {@code low} or empty. */
    public static PullPolicy of(boolean refuseUnscanned, String severity, boolean refuseMalicious) {
        return of(refuseUnscanned, severity, refuseMalicious, List.of());
    }

    public static PullPolicy of(boolean refuseUnscanned, String severity, boolean refuseMalicious,
                                List<String> breakGlassUsers) {
        if (severity == null || severity.isBlank()) {
            return new PullPolicy(refuseUnscanned, Optional.empty(), refuseMalicious, breakGlassUsers);
        }
        if (!List.of("critical", "high", "medium", "low").contains(severity)) {
            throw WharfException.invalid("severity", "severity is critical, high, medium, low or empty (no limit).");
        }
        return new PullPolicy(refuseUnscanned, Optional.of(Severity.of(severity)), refuseMalicious, breakGlassUsers);
    }

    public boolean active() {
        return refuseUnscanned || refuseAtOrAbove.isPresent() || refuseMalicious;
    }

    /** The severity limit as the API writes it: {@code ""} for none. */
    public String severityName() {
        return refuseAtOrAbove.map(Severity::wireName).orElse("");
    }

    /**
     * Why the image may not be pulled, naming the rule and the worst finding; empty when it may. {@code scan} is the
     * image's scan (empty: never asked for), {@code findings} its vulnerabilities, {@code allowed} the allowlisted
     * advisory and CVE ids in force.
     */
    public Optional<String> refusal(Optional<ScanSummary> scan, List<Vulnerability> findings, Set<String> allowed) {
        boolean scanned = scan.map(s -> s.status().equals(ScanSummary.SUCCESS)).orElse(false);
        if (!scanned) {
            return refuseUnscanned ? Optional.of("the image is not scanned yet"
                    + scan.map(s -> " (scan " + s.status() + ")").orElse("")) : Optional.empty();
        }
        if (refuseMalicious && scan.get().maliciousFileNum() > 0) {
            return Optional.of("it holds " + scan.get().maliciousFileNum() + " malicious file(s)");
        }
        if (refuseAtOrAbove.isEmpty()) {
            return Optional.empty();
        }
        Severity limit = refuseAtOrAbove.get();
        List<Vulnerability> blocking = findings.stream().filter(v -> Severity.of(v.severity()).atLeast(limit))
                .filter(v -> !allowed.contains(v.vulId()) && !allowed.contains(v.cveId()))
                .sorted(Comparator.comparing((Vulnerability v) -> Severity.of(v.severity())).thenComparing(
                        Comparator.comparingDouble(Vulnerability::cvssScore).reversed()))
                .toList();
        if (blocking.isEmpty()) {
            return Optional.empty();
        }
        Vulnerability worst = blocking.get(0);
        return Optional.of(blocking.size() + " finding(s) at or above " + limit.wireName() + ", the worst "
                + worst.cveId() + " (" + worst.severity() + ") in " + worst.packageName() + " " + worst.version());
    }

}
