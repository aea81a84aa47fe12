package io.wharf.integration.scan.version;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's PEP 440 order ({@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}, with the spellings PEP 440 normalises:
 * {@code alpha}, {@code c}, {@code pre}, {@code -1} for post, separators): epoch, release (trailing zeros ignored), then
 * {@code .devN < aN < bN < rcN <} the release {@code < .postN}; a dev release of a pre- or post-release sorts just
 * before it; a local version after the same public version.
 */
public final class Pep440Version implements VersionScheme {
    private static final Pattern FORM = Pattern.compile("^v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
            + "(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d*))?"
            + "(?:(?:-(\\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\\d*)))?"
            + "(?:[-_.]?(dev)[-_.]?(\\d*))?(?:\\+([a-z0-9._-]+))?$");

    /** A comparable key: epoch, release, pre (kind, n), post, dev, local. */
    private record Key(BigInteger epoch, BigInteger[] release, int preKind, BigInteger pre, BigInteger post,
                       BigInteger dev, String local) {
    }

    private static final BigInteger NONE_LOW = BigInteger.valueOf(-1);
    private static final BigInteger INFINITE = BigInteger.TEN.pow(40);

    private static Key parse(String version) {
        Matcher m = FORM.matcher(version.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        BigInteger[] release = Arrays.stream(m.group(2).split("\\.")).map(BigInteger::new).toArray(BigInteger[]::new);
        int end = release.length;
        while (end > 1 && release[end - 1].signum() == 0) {
            end--;
        }
        release = Arrays.copyOf(release, end);
        String preLabel = m.group(3);
        int preKind = preLabel == null ? 3 : switch (preLabel) {
            case "a", "alpha" -> 0;
            case "b", "beta" -> 1;
            default -> 2;
        };
        BigInteger pre = preLabel == null ? BigInteger.ZERO : number(m.group(4));
        BigInteger post = m.group(5) != null ? new BigInteger(m.group(5)) : m.group(6) != null ? number(m.group(7)) : NONE_LOW;
        BigInteger dev = m.group(8) != null ? number(m.group(9)) : INFINITE;
        // A dev release with neither pre- nor post-release sorts before every pre-release of that version.
        if (m.group(8) != null && preLabel == null && m.group(5) == null && m.group(6) == null) {
            preKind = -1;
        }
        return new Key(m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1)), release, preKind, pre, post, dev,
                m.group(10) == null ? "" : m.group(10));
    }

    private static BigInteger number(String digits) {
        return digits == null || digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits);
    }

    @Override
    public int compare(String a, String b) {
        Key x = parse(a);
        Key y = parse(b);
        if (x == null || y == null) {
            return DebianVersion.verrevcmp(a.strip(), b.strip());
        }
        int c = x.epoch().compareTo(y.epoch());
        for (int i = 0; c == 0 && i < Math.max(x.release().length, y.release().length); i++) {
            BigInteger p = i < x.release().length ? x.release()[i] : BigInteger.ZERO;
            BigInteger q = i < y.release().length ? y.release()[i] : BigInteger.ZERO;
            c = p.compareTo(q);
        }
        if (c == 0) {
            c = Integer.compare(x.preKind(), y.preKind());
        }
        if (c == 0) {
            c = x.pre().compareTo(y.pre());
        }
        if (c == 0) {
            c = x.post().compareTo(y.post());
        }
        if (c == 0) {
            c = x.dev().compareTo(y.dev());
        }
        if (c == 0) {
            c = x.local().isEmpty() || y.local().isEmpty() ? Boolean.compare(!x.local().isEmpty(), !y.local().isEmpty())
                    : x.local().compareTo(y.local());
        }
        return Integer.signum(c);
    }
}
