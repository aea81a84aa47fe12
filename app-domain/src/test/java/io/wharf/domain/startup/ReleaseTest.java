package io.wharf.domain.startup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseTest {
    @Test
    void theReleaseIsTheBuildsVersion() {
        assertTrue(Release.version().matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?"), Release.version());
    }
}
