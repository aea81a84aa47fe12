package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Go programs: an ELF executable built by Go 1.18 or later carries its build information — the Go version and every
 * module linked in — in a block that starts with {@code "\xff Go buildinf:"} (what {@code go version -m} prints). The
 * file is searched as a stream for that block; each module becomes a {@code Go} component and the Go version the
 * {@code stdlib} component, as OSV's Go advisories name them. Older binaries keep the block's strings behind pointers,
 * which cannot be followed in a stream, and are not read.
 */
public final class GoBinaries implements FileAnalyzer {
    public static final String ECOSYSTEM = "Go";
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER = 32;
    private static final int INLINE_STRINGS = 2;
    private static final int MAX_VERSION = 256;
    private static final int MAX_MODULES = 1 << 20;
    /** The smallest Go program is over a megabyte; smaller files are not worth searching. */
    private static final long MIN_SIZE = 256 * 1024;

    @Override
    public boolean wants(String path, long size) {
        return size >= MIN_SIZE;
    }

    @Override
    public List<Object> analyze(String path, InputStream content) throws IOException {
        Window window = new Window(content);
        if (!window.has(ELF.length) || !window.startsWith(ELF)) {
            return List.of();
        }
        while (window.seek(MAGIC)) {
            Optional<String[]> info = buildInfo(window);
            if (info.isPresent()) {
                return components(info.get()[0], info.get()[1], path);
            }
            window.drop(1);
        }
        return List.of();
    }

    /** The Go version and the module list of the block at the window's start, if it is one (not a stray copy of the magic). */
    private static Optional<String[]> buildInfo(Window window) throws IOException {
        if (!window.has(HEADER)) {
            return Optional.empty();
        }
        int pointerSize = window.at(MAGIC.length);
        int flags = window.at(MAGIC.length + 1);
        if ((pointerSize != 4 && pointerSize != 8) || (flags & INLINE_STRINGS) == 0) {
            return Optional.empty();
        }
        int[] position = {HEADER};
        Optional<String> version = string(window, position, MAX_VERSION);
        if (version.isEmpty() || !(version.get().startsWith("go") || version.get().startsWith("devel"))) {
            return Optional.empty();
        }
        Optional<String> modules = string(window, position, MAX_MODULES);
        return modules.map(m -> new String[] {version.get(), unframed(m)});
    }

    /** A string written as its unsigned LEB128 length and bytes, at {@code position[0]} (advanced past it). */
    private static Optional<String> string(Window window, int[] position, int max) throws IOException {
        long length = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 28 || !window.has(position[0] + 1)) {
                return Optional.empty();
            }
            int b = window.at(position[0]++);
            length |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (length > max || !window.has(position[0] + (int) length)) {
            return Optional.empty();
        }
        String s = window.text(position[0], (int) length);
        position[0] += (int) length;
        return Optional.of(s);
    }

    /** The module list sits between two 16-byte sentinels. */
    private static String unframed(String modules) {
        return modules.length() >= 33 && modules.charAt(modules.length() - 17) == '\n'
                ? modules.substring(16, modules.length() - 16) : "";
    }

    /**
     * {@code mod} is the main module (reported too, with the pseudo-version of its VCS stamp), {@code dep} a dependency,
     * {@code =>} replaces the line before it.
     */
    static List<Object> components(String goVersion, String modules, String location) {
        List<Object> found = new ArrayList<>();
        if (goVersion.startsWith("go")) {
            String version = goVersion.substring(2).split(" ", 2)[0];
            found.add(new Component(ECOSYSTEM, "stdlib", version, "stdlib", version, "pkg:golang/stdlib@" + version, location));
        }
        Component last = null;
        String mainModule = null;
        String revision = "";
        String time = "";
        for (String line : modules.split("\n")) {
            String[] field = line.split("\t");
            boolean module = (field[0].equals("mod") || field[0].equals("dep")) && field.length >= 3;
            if (field[0].equals("build") && field.length >= 2) {
                revision = field[1].startsWith("vcs.revision=") ? field[1].substring(13) : revision;
                time = field[1].startsWith("vcs.time=") ? field[1].substring(9) : time;
            }
            if (field[0].equals("mod") && field.length >= 2 && (field.length < 3 || field[2].equals("(devel)"))) {
                mainModule = field[1];
            }
            if (field[0].equals("=>") && last != null) {
                found.remove(last);
                last = null;
                module = field.length >= 3;
            }
            if (module && !field[2].equals("(devel)") && !field[2].isEmpty()) {
                last = module(field[1], field[2], location);
                found.add(last);
            }
        }
        // The program itself, built from a checkout: named by the pseudo-version Go gives that commit, as Trivy does.
        if (mainModule != null) {
            found.add(module(mainModule, pseudoVersion(revision, time), location));
        }
        return found;
    }

    /** {@code v0.0.0-20240102150405-abcdef123456} from the VCS stamp; {@code (devel)} when the build has none. */
    static String pseudoVersion(String revision, String time) {
        try {
            if (revision.length() >= 12 && !time.isEmpty()) {
                String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(
                        java.time.OffsetDateTime.parse(time).atZoneSameInstant(java.time.ZoneOffset.UTC));
                return "v0.0.0-" + stamp + "-" + revision.substring(0, 12);
            }
        } catch (java.time.DateTimeException unreadable) {
            // No usable stamp: the version stays unknown.
        }
        return "(devel)";
    }

    /** Go writes {@code v1.2.3}; OSV's Go ranges say {@code 1.2.3}. */
    private static Component module(String path, String version, String location) {
        String bare = version.startsWith("v") ? version.substring(1) : version;
        return new Component(ECOSYSTEM, path, version, path, bare, "pkg:golang/" + path
                + (version.equals("(devel)") ? "" : "@" + version), location);
    }

    /** A sliding view of the stream: bytes from {@code start} to {@code end} of {@code buffer}, refilled on demand. */
    private static final class Window {
        private final InputStream in;
        private byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private boolean exhausted;

        Window(InputStream in) {
            this.in = in;
        }

        /** Whether at least {@code n} bytes from the start are in the window (reading more when needed). */
        boolean has(int n) throws IOException {
            while (end - start < n && !exhausted) {
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (n > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(n, buffer.length * 2));
                }
                int read = in.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    exhausted = true;
                } else {
                    end += read;
                }
            }
            return end - start >= n;
        }

        int at(int offset) {
            return buffer[start + offset] & 0xff;
        }

        boolean startsWith(byte[] prefix) {
            return Arrays.equals(buffer, start, start + prefix.length, prefix, 0, prefix.length);
        }

        String text(int offset, int length) {
            return new String(buffer, start + offset, length, StandardCharsets.UTF_8);
        }

        void drop(int n) {
            start += n;
        }

        /** Moves the start to the next occurrence of {@code pattern}; false when the stream ends without one. */
        boolean seek(byte[] pattern) throws IOException {
            while (has(pattern.length)) {
                int limit = end - pattern.length;
                for (int i = start; i <= limit; i++) {
                    if (buffer[i] == pattern[0] && Arrays.equals(buffer, i, i + pattern.length, pattern, 0, pattern.length)) {
                        start = i;
                        return true;
                    }
                }
                // Keep the tail that could begin a match; the next read completes it.
                start = limit + 1;
            }
            return false;
        }
    }
}
