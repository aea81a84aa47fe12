package io.wharf.web.application;

import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void absentParametersTakeTheDefaults() {
        assertEquals(new PageRequest(0, 100), PageRequest.of(null, "", 100));
    }

    @Test
    void outOfRangeOrNonNumericValuesAreRefused() {
        assertThrows(WharfException.class, () -> PageRequest.of("-1", null, 10));
        assertThrows(WharfException.class, () -> PageRequest.of(null, "0", 10));
        assertThrows(WharfException.class, () -> PageRequest.of(null, "1001", 10));
        assertThrows(WharfException.class, () -> PageRequest.of("ten", null, 10));
        assertThrows(WharfException.class, () -> PageRequest.of(null, "99999999999999", 10));
    }
}
