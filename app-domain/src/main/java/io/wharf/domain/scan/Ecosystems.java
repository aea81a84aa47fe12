package io.wharf.domain.scan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the distributions name their OSV ecosystems, and the one rule that says which advisories apply to which packages:
 * both sides are reduced to a canonical name, and they match when the names are equal. Each distribution publishes
 * more than one spelling for the packages of one release (Ubuntu's {@code Ubuntu:22.04:LTS}, Red Hat's
 * {@code Red Hat:enterprise_linux:9::appstream} and {@code ::baseos}, SUSE's products of one service pack); a spelling
 * the rules do not know stays as it is, so it still matches itself exactly. Ubuntu Pro and Red Hat's extended-support
 * streams stay apart: their fixes ship only to subscribers, and a plain image is not theirs.
 */
public final class Ecosystems {
    private static final Pattern UBUNTU = Pattern.compile("Ubuntu:(\\d+\\.\\d+)(?::LTS)?");
    private static final Pattern RED_HAT = Pattern.compile("Red Hat:enterprise_linux:(\\d+)(?:\\.\\d+)?(?:::.*)?");
    private static final Pattern SUSE = Pattern.compile("SUSE:.* (\\d+)( SP\\d+)?");

    private Ecosystems() {
    }

    /** The name both an advisory's ecosystem and an image's packages are reduced to before they are compared. */
    public static String canonical(String ecosystem) {
        Matcher m;
        if ((m = UBUNTU.matcher(ecosystem)).matches()) {
            return "Ubuntu:" + m.group(1);
        }
        if ((m = RED_HAT.matcher(ecosystem)).matches()) {
            return "Red Hat:" + m.group(1);
        }
        if ((m = SUSE.matcher(ecosystem)).matches()) {
            return "SUSE:" + m.group(1) + (m.group(2) == null ? "" : m.group(2));
        }
        return ecosystem;
    }

    /** Whether an advisory naming {@code advisoryEcosystem} speaks of packages of {@code packageEcosystem}. */
    public static boolean applies(String advisoryEcosystem, String packageEcosystem) {
        return canonical(advisoryEcosystem).equals(canonical(packageEcosystem));
    }
}
