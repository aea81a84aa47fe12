package io.wharf.web.console;

import io.wharf.domain.scan.Vulnerability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One advisory of an image's findings with every package it affects under it: Debian's advisory for util-linux is
 * one row with its eight binary packages, not eight rows saying the same thing.
 */
public record AdvisoryGroup(Vulnerability first, List<Vulnerability> packages) {

    /** Groups findings by advisory, keeping their order (worst first). */
    static List<AdvisoryGroup> of(List<Vulnerability> findings) {
        Map<String, List<Vulnerability>> byAdvisory = new LinkedHashMap<>();
        for (Vulnerability v : findings) {
            byAdvisory.computeIfAbsent(v.vulId(), id -> new ArrayList<>()).add(v);
        }
        return byAdvisory.values().stream().map(list -> new AdvisoryGroup(list.get(0), List.copyOf(list))).toList();
    }
}
