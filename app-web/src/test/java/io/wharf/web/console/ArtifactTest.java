package io.wharf.web.console;

import io.wharf.domain.repository.ImageTag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArtifactTest {
    private static ImageTag tag(String name, String digest, long size, Instant at) {
        return new ImageTag(1, 1, name, digest, "img", "{}", 2, size, 0, "application/vnd.oci.image.manifest.v1+json",
                "amd64", at, at);
    }

    @Test
    void anImageTaggedTwiceIsOneArtifactSizedOnce() {
        Instant t = Instant.parse("2026-11-30T00:00:00Z");
        List<Artifact> artifacts = Artifact.of(List.of(tag("latest", "sha256:aaa", 100, t.plusSeconds(5)),
                tag("2.0", "sha256:bbb", 50, t.plusSeconds(3)), tag("1.0", "sha256:aaa", 100, t)));
        assertEquals(2, artifacts.size());
        assertEquals(List.of("latest", "1.0"), artifacts.get(0).tags());
        assertEquals(100, artifacts.get(0).size());
        assertEquals(t.plusSeconds(5), artifacts.get(0).pushedAt());
        assertEquals(List.of("2.0"), artifacts.get(1).tags());
    }

    @Test
    void anImagesPullsAreItsTagsPullsAddedUp() {
        Instant t = Instant.parse("2026-11-30T00:00:00Z");
        List<Artifact> artifacts = Artifact.of(List.of(tag("latest", "sha256:aaa", 100, t), tag("1.0", "sha256:aaa", 100, t)),
                java.util.Map.of("latest", new io.wharf.domain.repository.TagPulls(3, t.plusSeconds(9)),
                        "1.0", new io.wharf.domain.repository.TagPulls(2, t.plusSeconds(4))));
        assertEquals(5, artifacts.get(0).pulls());
        assertEquals(t.plusSeconds(9), artifacts.get(0).pulledAt());
        assertEquals(null, Artifact.of(List.of(tag("x", "sha256:b", 1, t))).get(0).pulledAt(), "never pulled");
    }
}
