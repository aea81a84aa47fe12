package io.wharf.integration.scan.version;

/**
 * dpkg's order ({@code [epoch:]upstream[-revision]}): epochs numerically, then upstream and revision with
 * {@code verrevcmp} — runs of non-digits compared character by character where {@code ~} sorts before everything, even
 * the end of the string, and letters before other characters; runs of digits compared as numbers. Ubuntu uses it too.
 */
public final class DebianVersion implements VersionScheme {

    @Override
    public int compare(String a, String b) {
        Parts x = Parts.of(a);
        Parts y = Parts.of(b);
        int byEpoch = Long.compare(x.epoch, y.epoch);
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byUpstream = verrevcmp(x.upstream, y.upstream);
        return byUpstream != 0 ? byUpstream : verrevcmp(x.revision, y.revision);
    }

    private record Parts(long epoch, String upstream, String revision) {
        static Parts of(String version) {
            String v = version.strip();
            long epoch = 0;
            int colon = v.indexOf(':');
            if (colon > 0 && v.substring(0, colon).chars().allMatch(Character::isDigit)) {
                epoch = Long.parseLong(v.substring(0, colon));
                v = v.substring(colon + 1);
            }
            int dash = v.lastIndexOf('-');
            return dash < 0 ? new Parts(epoch, v, "") : new Parts(epoch, v.substring(0, dash), v.substring(dash + 1));
        }
    }

    /** The weight of a character in a non-digit run: {@code ~} lowest, then the end, letters, everything else. */
    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (Character.isDigit(c)) {
            return 0;
        }
        if (Character.isLetter(c)) {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }

    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !Character.isDigit(a.charAt(i))) || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < a.length() && Character.isDigit(a.charAt(i)) && j < b.length() && Character.isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && Character.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && Character.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }
}
