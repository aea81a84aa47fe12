package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an image holds once its layers are applied: the operating system (from os-release) and every component, with
 * distribution packages given the system's OSV ecosystem ({@code Debian:12}, {@code Alpine:v3.19}) and package URL.
 */
public record Inventory(Optional<OsRelease> os, List<Component> components, Map<String, String> layers,
                        Map<String, List<String>> dependencies) {
    /**
     * The inventory with the jars the Maven index knows named by it: {@code index} gives {@code group:artifact:version}
     * by SHA-1; what the manifest or file name guessed for such a jar is replaced.
     */
    public Inventory namedByMavenIndex(List<JavaArchives.JarHash> hashes,
                                       Function<String, Optional<String>> index) {
        List<Component> named = new ArrayList<>(components);
        for (JavaArchives.JarHash jar : hashes) {
            Optional<String[]> gav = index.apply(jar.sha1()).map(c -> c.split(":")).filter(p -> p.length == 3);
            if (gav.isPresent()) {
                String[] p = gav.get();
                named.removeIf(c -> c.ecosystem().equals("Maven") && c.location().equals(jar.location()));
                named.add(Component.of("Maven", p[0] + ":" + p[1], p[2], "pkg:maven/" + p[0] + "/" + p[1] + "@" + p[2],
                        jar.location()));
            }
        }
        return new Inventory(os, named, layers, dependencies);
    }

    public Inventory {
        components = List.copyOf(components);
        layers = Map.copyOf(layers);
        dependencies = Map.copyOf(dependencies);
    }

    /** The inventory of an image whose layers the walker applied: os-release found through links, as a reader would. */
    public static Inventory of(LayerWalker walker) {
        return of(walker.files(), walker::file, walker::resolve);
    }

    /** The inventory of files taken as they are (no links). */
    public static Inventory of(Collection<ImageFile> files) {
        Map<String, ImageFile> byPath = files.stream().collect(Collectors.toMap(ImageFile::path, f -> f, (a, b) -> b));
        return of(files, p -> Optional.ofNullable(byPath.get(p)), Optional::of);
    }

    private static Inventory of(Collection<ImageFile> files, Function<String, Optional<ImageFile>> file,
                                Function<String, Optional<String>> canonicalPath) {
        // etc/os-release is a link to ../usr/lib/os-release in Debian and Ubuntu; usr/lib/os-release is the fallback.
        Optional<OsRelease> os = Stream.of("etc/os-release", "usr/lib/os-release").map(file).flatMap(Optional::stream)
                .flatMap(f -> f.facts().stream()).filter(OsRelease.class::isInstance).map(OsRelease.class::cast)
                .findFirst();
        Set<String> owned = new HashSet<>();
        files.stream().flatMap(f -> f.facts().stream()).filter(OwnedFiles.class::isInstance)
                .flatMap(o -> ((OwnedFiles) o).paths().stream())
                .forEach(p -> owned.add(canonicalPath.apply(p).orElse(p)));
        List<Component> components = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> layers = new HashMap<>();
        Map<String, List<String>> dependencies = new HashMap<>();
        for (ImageFile f : files) {
            for (Object fact : f.facts()) {
                if (fact instanceof DpkgStatus.Dependencies d) {
                    dependencies.put(d.packageName(), d.dependsOn());
                }
                // A hard link repeats its file's facts: the same component at the same place counts once.
                if (fact instanceof Component c && !ownedByOs(c, owned) && seen.add(c.ecosystem() + "\n" + c.name()
                        + "\n" + c.version() + "\n" + c.location())) {
                    components.add(resolve(c, os));
                }
            }
        }
        // An application's lock file repeats what npm installed beside it: the installed copy is the one reported.
        Set<String> installed = components.stream().filter(c -> c.ecosystem().equals("npm") && !NpmPackages.lock(c.location()))
                .map(c -> c.name() + "@" + c.version()).collect(Collectors.toSet());
        components.removeIf(c -> c.ecosystem().equals("npm") && NpmPackages.lock(c.location())
                && installed.contains(c.name() + "@" + c.version()));
        components.sort(Comparator.comparing(Component::ecosystem).thenComparing(Component::name)
                .thenComparing(Component::version).thenComparing(Component::location));
        // The layer that wrote each component's file (a nested jar's: its archive's), for the SBOM.
        for (Component c : components) {
            int nested = c.location().indexOf("!/");
            file.apply(nested < 0 ? c.location() : c.location().substring(0, nested))
                    .ifPresent(f -> layers.putIfAbsent(c.location(), f.layer()));
        }
        return new Inventory(os, components, layers, dependencies);
    }

    /**
     * A language package whose files an OS package installed (Debian's python3-cryptography, a jar of a libxxx-java
     * package) is the distribution's to report: its advisories name the OS package and its fixes come with it.
     */
    private static boolean ownedByOs(Component c, Set<String> owned) {
        if (owned.isEmpty() || isOsPackage(c)) {
            return false;
        }
        String location = c.location();
        int nested = location.indexOf("!/");
        String file = nested < 0 ? location : location.substring(0, nested);
        return owned.contains(file);
    }

    private static boolean isOsPackage(Component c) {
        return c.ecosystem().equals(DpkgStatus.ECOSYSTEM) || c.ecosystem().equals(ApkInstalled.ECOSYSTEM)
                || c.ecosystem().equals(RpmDatabase.ECOSYSTEM);
    }

    /** A dpkg, apk or rpm package gets the system's ecosystem and a {@code pkg:deb}, {@code pkg:apk} or {@code pkg:rpm} URL. */
    private static Component resolve(Component c, Optional<OsRelease> os) {
        boolean deb = c.ecosystem().equals(DpkgStatus.ECOSYSTEM);
        boolean apk = c.ecosystem().equals(ApkInstalled.ECOSYSTEM);
        if (c.ecosystem().equals(RpmDatabase.ECOSYSTEM)) {
            String distroId = os.map(OsRelease::id).filter(id -> !id.isEmpty()).orElse("rhel");
            String distro = os.map(o -> distroId + "-" + o.versionId()).orElse(distroId);
            String qualifiers = c.purl().startsWith("arch=") && c.purl().length() > 5 ? c.purl() + "&" : "";
            return c.withEcosystem(os.map(OsRelease::ecosystem).orElse("Red Hat"), "pkg:rpm/" + distroId + "/"
                    + encode(c.name()) + "@" + encode(c.version()) + "?" + qualifiers + "distro=" + encode(distro));
        }
        if (!deb && !apk) {
            return c;
        }
        String distroId = os.map(OsRelease::id).filter(id -> !id.isEmpty()).orElse(deb ? "debian" : "alpine");
        String ecosystem = os.map(OsRelease::ecosystem).orElse(deb ? "Debian" : "Alpine");
        String distro = os.map(o -> distroId + "-" + o.versionId()).orElse(distroId);
        String purl = "pkg:" + (deb ? "deb" : "apk") + "/" + distroId + "/" + encode(c.name()) + "@" + encode(c.version())
                + "?distro=" + encode(distro) + (c.source().equals(c.name()) ? "" : "&upstream=" + encode(c.source()));
        return c.withEcosystem(ecosystem, purl);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static List<FileAnalyzer> analyzers() {
        return List.of(new OsRelease.Analyzer(), new DpkgStatus(), new ApkInstalled(), new JavaArchives(),
                new NpmPackages(), new PythonPackages(), new ShadowFile(), new RpmDatabase(), new GoBinaries(),
                new OwnedFiles.DpkgLists());
    }
}
