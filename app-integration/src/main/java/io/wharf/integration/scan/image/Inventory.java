package io.wharf.integration.scan.image;

import io.wharf.domain.scan.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an image holds once its layers are applied: the operating system (from os-release) and every component, with
 * distribution packages given the system's OSV ecosystem ({@code Debian:12}, {@code Alpine:v3.19}) and package URL.
 */
public record Inventory(Optional<OsRelease> os, List<Component> components) {
    public Inventory {
        components = List.copyOf(components);
    }

    public static Inventory of(Collection<ImageFile> files) {
        Optional<OsRelease> os = files.stream().filter(f -> f.path().equals("etc/os-release"))
                .flatMap(f -> f.facts().stream()).filter(OsRelease.class::isInstance).map(OsRelease.class::cast).findFirst()
                .or(() -> files.stream().flatMap(f -> f.facts().stream()).filter(OsRelease.class::isInstance)
                        .map(OsRelease.class::cast).findFirst());
        List<Component> components = new ArrayList<>();
        for (ImageFile file : files) {
            for (Object fact : file.facts()) {
                if (fact instanceof Component c) {
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
        return new Inventory(os, components);
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
                new NpmPackages(), new PythonPackages(), new ShadowFile(), new RpmDatabase(), new GoBinaries());
    }
}
