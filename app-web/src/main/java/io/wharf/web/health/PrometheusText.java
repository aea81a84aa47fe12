package io.wharf.web.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus' text exposition format (version 0.0.4), written by Wharf so that it is valid as promtool checks it:
 * snake_case names, a HELP and a TYPE line for every family, {@code _total} on counters only, histograms with
 * cumulative buckets ending at {@code +Inf} and no quantile series beside them.
 */
final class PrometheusText {

    /** One sample: the suffix after the family's name ({@code _bucket}, {@code _sum}...), its labels and value. */
    record Sample(String suffix, Map<String, String> labels, double value) {
    }

    /** A family: name, type ({@code counter}, {@code gauge}, {@code histogram}), help text and samples. */
    record Family(String name, String type, String help, List<Sample> samples) {
    }

    private final Map<String, Family> families = new TreeMap<>();

    /** Adds the samples to the family of that name, creating it (the first help and type win). */
    void add(String name, String type, String help, List<Sample> samples) {
        families.computeIfAbsent(name, n -> new Family(n, type, help, new ArrayList<>())).samples().addAll(samples);
    }

    String write() {
        StringBuilder out = new StringBuilder();
        for (Family family : families.values()) {
            out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
            for (Sample sample : family.samples()) {
                out.append(family.name()).append(sample.suffix());
                if (!sample.labels().isEmpty()) {
                    out.append('{');
                    boolean first = true;
                    for (Map.Entry<String, String> label : new TreeMap<>(sample.labels()).entrySet()) {
                        out.append(first ? "" : ",").append(snake(label.getKey())).append("=\"")
                                .append(escapeLabel(label.getValue())).append('"');
                        first = false;
                    }
                    out.append('}');
                }
                out.append(' ').append(number(sample.value())).append('\n');
            }
        }
        return out.toString();
    }

    /** A metric name as Prometheus spells it: {@code memory.usedHeap} becomes {@code memory_used_heap}. */
    static String snake(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_:]", "_");
        String lower = spaced.toLowerCase(Locale.ROOT).replaceAll("_+", "_");
        lower = lower.startsWith("_") ? lower.substring(1) : lower;
        return Character.isDigit(lower.isEmpty() ? 'x' : lower.charAt(0)) ? "_" + lower : lower;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
    }
}
