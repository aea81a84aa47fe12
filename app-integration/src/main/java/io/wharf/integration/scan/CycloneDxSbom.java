package io.wharf.integration.scan;

import io.wharf.domain.scan.Component;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An image's software inventory as a CycloneDX 1.6 JSON document, written by the format's own library. The document
 * depends only on the image and its components (no timestamp; the serial number derives from the image digest), so
 * scanning the same image again gives the same document, and the same digest when it is attached as a referrer.
 */
public final class CycloneDxSbom {
    public static final String MEDIA_TYPE = "application/vnd.cyclonedx+json";
    /** The ecosystem of the inventory's entry for the image's operating system. */
    public static final String OPERATING_SYSTEM = "os";

    private CycloneDxSbom() {
    }

    public static String of(String imageName, String imageDigest, List<Component> components) {
        return of(imageName, imageDigest, components, Map.of(), Map.of());
    }

    /**
     * The SBOM, each component with the layer that wrote its file ({@code wharf:layer}, as Trivy's
     * {@code aquasecurity:trivy:LayerDigest}) and the distribution packages' dependency graph from their database.
     */
    public static String of(String imageName, String imageDigest, List<Component> components,
                            Map<String, String> layers, Map<String, List<String>> dependencies) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(imageDigest.getBytes(StandardCharsets.UTF_8)));
        Metadata metadata = new Metadata();
        metadata.setTimestamp(null);
        org.cyclonedx.model.Component image = new org.cyclonedx.model.Component();
        image.setType(org.cyclonedx.model.Component.Type.CONTAINER);
        image.setName(imageName);
        image.setVersion(imageDigest);
        image.setBomRef(imageDigest);
        metadata.setComponent(image);
        org.cyclonedx.model.Component tool = new org.cyclonedx.model.Component();
        tool.setType(org.cyclonedx.model.Component.Type.APPLICATION);
        tool.setName("Wharf");
        tool.setGroup("io.wharf");
        org.cyclonedx.model.metadata.ToolInformation tools = new org.cyclonedx.model.metadata.ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        bom.setMetadata(metadata);
        List<org.cyclonedx.model.Component> listed = new ArrayList<>();
        for (Component c : components) {
            org.cyclonedx.model.Component item = new org.cyclonedx.model.Component();
            item.setType(c.ecosystem().equals(OPERATING_SYSTEM) ? org.cyclonedx.model.Component.Type.OPERATING_SYSTEM
                    : org.cyclonedx.model.Component.Type.LIBRARY);
            item.setName(c.name());
            item.setVersion(c.version());
            if (!c.purl().isEmpty()) {
                item.setPurl(c.purl());
                item.setBomRef(c.purl() + "#" + c.location());
            } else {
                item.setBomRef(c.ecosystem() + ":" + c.name() + "@" + c.version() + "#" + c.location());
            }
            List<Property> properties = new ArrayList<>(List.of(property("wharf:ecosystem", c.ecosystem()),
                    property("wharf:location", c.location())));
            if (layers.containsKey(c.location())) {
                properties.add(property("wharf:layer", layers.get(c.location())));
            }
            item.setProperties(properties);
            listed.add(item);
        }
        bom.setComponents(listed);
        bom.setDependencies(graph(components, listed, dependencies));
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX could not write the inventory", e);
        }
    }

    /** The image depends on every component; a deb package on the installed packages its Depends names. */
    private static List<org.cyclonedx.model.Dependency> graph(List<Component> components,
                                                             List<org.cyclonedx.model.Component> listed,
                                                             Map<String, List<String>> dependencies) {
        Map<String, String> debRef = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i).ecosystem().startsWith("Debian") || components.get(i).ecosystem().startsWith("Ubuntu")) {
                debRef.putIfAbsent(components.get(i).name(), listed.get(i).getBomRef());
            }
        }
        List<org.cyclonedx.model.Dependency> graph = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            String ref = listed.get(i).getBomRef();
            List<String> on = dependencies.getOrDefault(components.get(i).name(), List.of());
            if (!ref.equals(debRef.get(components.get(i).name())) || on.isEmpty()) {
                continue;
            }
            org.cyclonedx.model.Dependency d = new org.cyclonedx.model.Dependency(ref);
            on.stream().map(debRef::get).filter(Objects::nonNull).distinct()
                    .forEach(target -> d.addDependency(new org.cyclonedx.model.Dependency(target)));
            if (d.getDependencies() != null && !d.getDependencies().isEmpty()) {
                graph.add(d);
            }
        }
        return graph;
    }

    private static Property property(String name, String value) {
        Property p = new Property();
        p.setName(name);
        p.setValue(value);
        return p;
    }
}
