package io.wharf.integration.scan.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alpine's apk order ({@code 1.2.3a_rc1_p2-r4}): dot-separated numbers, an optional letter, suffixes ranked
 * {@code _alpha < _beta < _pre < _rc <} none {@code < _cvs < _svn < _git < _hg < _p}, each with an optional number,
 * then the package revision {@code -rN}.
 */
public final class ApkVersion implements VersionScheme {
    private static final Pattern FORM = Pattern.compile(
            "^(\\d+(?:\\.\\d+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\\d*)*)(?:-r(\\d+))?$");
    private static final Pattern SUFFIX = Pattern.compile("_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\\d*)");
    private static final Map<String, Integer> RANK = Map.of("alpha", -4, "beta", -3, "pre", -2, "rc", -1,
            "cvs", 1, "svn", 2, "git", 3, "hg", 4, "p", 5);

    private record Parsed(List<String> numbers, String letter, List<long[]> suffixes, long revision) {
    }

    private static Parsed parse(String version) {
        Matcher m = FORM.matcher(version.strip());
        if (!m.matches()) {
            // Not apk's form: fall back to dpkg-like ordering of the whole text, which keeps the order total.
            return null;
        }
        List<long[]> suffixes = new ArrayList<>();
        Matcher s = SUFFIX.matcher(m.group(3));
        while (s.find()) {
            suffixes.add(new long[] {RANK.get(s.group(1)), s.group(2).isEmpty() ? 0 : Long.parseLong(s.group(2))});
        }
        return new Parsed(List.of(m.group(1).split("\\.")), m.group(2), suffixes,
                m.group(4) == null ? 0 : Long.parseLong(m.group(4)));
    }

    @Override
    public int compare(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        if (x == null || y == null) {
            return DebianVersion.verrevcmp(a.strip(), b.strip());
        }
        for (int i = 0; i < Math.max(x.numbers().size(), y.numbers().size()); i++) {
            if (i >= x.numbers().size()) {
                return -1;
            }
            if (i >= y.numbers().size()) {
                return 1;
            }
            // After the first, a component with a leading zero compares as a decimal fraction, as apk does.
            String p = x.numbers().get(i);
            String q = y.numbers().get(i);
            int c = i > 0 && (p.startsWith("0") || q.startsWith("0")) ? p.compareTo(q) : RpmVersion.compareNumbers(p, q);
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        int byLetter = x.letter().compareTo(y.letter());
        if (byLetter != 0) {
            return Integer.signum(byLetter);
        }
        for (int i = 0; i < Math.max(x.suffixes().size(), y.suffixes().size()); i++) {
            long[] p = i < x.suffixes().size() ? x.suffixes().get(i) : new long[] {0, 0};
            long[] q = i < y.suffixes().size() ? y.suffixes().get(i) : new long[] {0, 0};
            int c = p[0] != q[0] ? Long.compare(p[0], q[0]) : Long.compare(p[1], q[1]);
            if (c != 0) {
                return c;
            }
        }
        return Long.compare(x.revision(), y.revision());
    }
}
