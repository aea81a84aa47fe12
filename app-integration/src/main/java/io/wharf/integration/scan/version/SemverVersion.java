package io.wharf.integration.scan.version;

/**
 * Semantic Versioning 2.0 ({@code MAJOR.MINOR.PATCH[-pre][+build]}), as npm, Go modules (with their {@code v}),
 * crates and OSV's SEMVER ranges use it: numbers compared numerically, a pre-release before its release, pre-release
 * identifiers compared one by one (numeric ones numerically and before alphanumeric ones), build metadata ignored.
 * Missing minor or patch numbers count as 0.
 */
public final class SemverVersion implements VersionScheme {

    @Override
    public int compare(String a, String b) {
        String[] x = split(a);
        String[] y = split(b);
        String[] xs = x[0].split("\\.", -1);
        String[] ys = y[0].split("\\.", -1);
        for (int i = 0; i < Math.max(3, Math.max(xs.length, ys.length)); i++) {
            String p = i < xs.length && !xs[i].isEmpty() ? xs[i] : "0";
            String q = i < ys.length && !ys[i].isEmpty() ? ys[i] : "0";
            int c = compareIdentifiers(p, q);
            if (c != 0) {
                return c;
            }
        }
        if (x[1] == null || y[1] == null) {
            return x[1] == null ? (y[1] == null ? 0 : 1) : -1;
        }
        String[] xp = x[1].split("\\.");
        String[] yp = y[1].split("\\.");
        for (int i = 0; i < Math.min(xp.length, yp.length); i++) {
            int c = compareIdentifiers(xp[i], yp[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(xp.length, yp.length);
    }

    /** The release part and the pre-release part (null when there is none); a leading {@code v} and the build dropped. */
    private static String[] split(String version) {
        String v = version.strip();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        int plus = v.indexOf('+');
        if (plus >= 0) {
            v = v.substring(0, plus);
        }
        int dash = v.indexOf('-');
        return dash < 0 ? new String[] {v, null} : new String[] {v.substring(0, dash), v.substring(dash + 1)};
    }

    private static int compareIdentifiers(String a, String b) {
        boolean an = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean bn = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return Integer.signum(RpmVersion.compareNumbers(a, b));
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
