package io.wharf.integration.scan.version;

/**
 * RPM's order ({@code [epoch:]version[-release]}): epochs numerically, then version and release with
 * {@code rpmvercmp} — alternating runs of digits and of letters, separators ignored; a digit run beats a letter run;
 * digit runs compare as numbers, letter runs as text; {@code ~} sorts before anything (pre-releases), {@code ^} after
 * the end but before anything else (post-release snapshots); the string with runs left over is newer.
 */
public final class RpmVersion implements VersionScheme {

    @Override
    public int compare(String a, String b) {
        String[] x = split(a);
        String[] y = split(b);
        int byEpoch = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byVersion = rpmvercmp(x[1], y[1]);
        return byVersion != 0 || x[2] == null || y[2] == null ? byVersion : rpmvercmp(x[2], y[2]);
    }

    /** epoch, version, release (null when absent: then only the versions are compared, as rpm does). */
    private static String[] split(String version) {
        String v = version.strip();
        String epoch = "0";
        int colon = v.indexOf(':');
        if (colon > 0 && v.substring(0, colon).chars().allMatch(Character::isDigit)) {
            epoch = v.substring(0, colon);
            v = v.substring(colon + 1);
        }
        int dash = v.lastIndexOf('-');
        return dash < 0 ? new String[] {epoch, v, null} : new String[] {epoch, v.substring(0, dash), v.substring(dash + 1)};
    }

    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !Character.isLetterOrDigit(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
                i++;
            }
            while (j < b.length() && !Character.isLetterOrDigit(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
                j++;
            }
            boolean aTilde = i < a.length() && a.charAt(i) == '~';
            boolean bTilde = j < b.length() && b.charAt(j) == '~';
            if (aTilde || bTilde) {
                if (!aTilde) {
                    return 1;
                }
                if (!bTilde) {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            boolean aCaret = i < a.length() && a.charAt(i) == '^';
            boolean bCaret = j < b.length() && b.charAt(j) == '^';
            if (aCaret || bCaret) {
                if (i >= a.length()) {
                    return -1;
                }
                if (j >= b.length()) {
                    return 1;
                }
                if (!aCaret) {
                    return 1;
                }
                if (!bCaret) {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= a.length() || j >= b.length()) {
                break;
            }
            boolean numeric = Character.isDigit(a.charAt(i));
            int si = i;
            int sj = j;
            while (i < a.length() && (numeric ? Character.isDigit(a.charAt(i)) : Character.isLetter(a.charAt(i)))) {
                i++;
            }
            while (j < b.length() && (numeric ? Character.isDigit(b.charAt(j)) : Character.isLetter(b.charAt(j)))) {
                j++;
            }
            String segA = a.substring(si, i);
            String segB = b.substring(sj, j);
            if (segB.isEmpty()) {
                // Runs of different kinds: the numeric one is newer.
                return numeric ? 1 : -1;
            }
            int c = numeric ? compareNumbers(segA, segB) : segA.compareTo(segB);
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        boolean aLeft = i < a.length();
        boolean bLeft = j < b.length();
        return aLeft == bLeft ? 0 : aLeft ? 1 : -1;
    }

    static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
