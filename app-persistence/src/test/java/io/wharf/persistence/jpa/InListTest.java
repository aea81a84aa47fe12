package io.wharf.persistence.jpa;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InListTest {
    @Test
    void listsArePaddedToAPowerOfTwo() {
        assertEquals("(:ids0)", InList.of("ids", 1));
        assertEquals("(:ids0, :ids1)", InList.of("ids", 2));
        assertEquals("(:ids0, :ids1, :ids2, :ids3)", InList.of("ids", 3));
        assertEquals(128, InList.of("ids", 100).split(",").length);
        assertEquals(128, InList.of("ids", 128).split(",").length);
        assertEquals(256, InList.of("ids", 129).split(",").length);
    }

    @Test
    void anEmptyListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InList.of("ids", 0));
    }
}
