package org.educommons.deploy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's figures: each printed as a line of the table (with its baseline, the ratio to it, the
 * target and PASS/MISS when there is one) and written to {@code target/bench/} as JSON.
 */
final class Report {

    /** A measured figure; {@code baseline}, {@code ratio} and {@code pass} are null where they do not apply. */
    record Figure(String scenario, String name, double value, String unit, Double baseline, Double ratio,
                  String target, Boolean pass) {
        String verdict() {
            return pass == null ? "" : pass ? "PASS" : "MISS";
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    void context(String key, Object value) {
        context.put(key, value);
    }

    /** A figure without a target (reported for information). */
    void info(String scenario, String name, double value, String unit) {
        add(new Figure(scenario, name, value, unit, null, null, "", null));
    }

    /** A figure that must be at least {@code min}. */
    void atLeast(String scenario, String name, double value, String unit, double min) {
        add(new Figure(scenario, name, value, unit, null, null, "≥ " + format(min), value >= min));
    }

    /** A figure that must be at most {@code max}. */
    void atMost(String scenario, String name, double value, String unit, double max) {
        add(new Figure(scenario, name, value, unit, null, null, "≤ " + format(max), value <= max));
    }

    /** A figure over a baseline measured in the same run; the ratio must be at least {@code minRatio}. */
    void ratioAtLeast(String scenario, String name, double value, String unit, double baseline, double minRatio) {
        double ratio = value / baseline;
        add(new Figure(scenario, name, value, unit, baseline, ratio, "ratio ≥ " + format(minRatio), ratio >= minRatio));
    }

    /** A ratio of two figures of the product itself that must be at most {@code maxRatio}. */
    void ratioAtMost(String scenario, String name, double value, String unit, double baseline, double maxRatio) {
        double ratio = value / baseline;
        add(new Figure(scenario, name, value, unit, baseline, ratio, "ratio ≤ " + format(maxRatio), ratio <= maxRatio));
    }

    /** An invariant: a count of violations that must be zero. */
    void violations(String scenario, String name, long count) {
        add(new Figure(scenario, name, count, "violations", null, null, "= 0", count == 0));
    }

    private void add(Figure figure) {
        figures.add(figure);
        System.out.println("  " + line(figure));
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    long misses() {
        return figures.stream().filter(f -> Boolean.FALSE.equals(f.pass())).count();
    }

    /** The table, as the benchmark prints it at the end. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-13s %-52s %14s %-13s %12s %8s %-11s %s%n",
                "scenario", "figure", "value", "unit", "baseline", "ratio", "target", "result"));
        for (Figure f : figures) {
            out.append(line(f)).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String line(Figure f) {
        return String.format(Locale.ROOT, "%-13s %-52s %14s %-13s %12s %8s %-11s %s", f.scenario(), f.name(),
                format(f.value()), f.unit(), f.baseline() == null ? "" : format(f.baseline()),
                f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()), f.target(), f.verdict());
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.2f", v);
    }

    /** Writes {@code target/bench/<name>.json} (figures and run context) and returns its path. */
    Path write(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".json");
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("finishedAt", OffsetDateTime.now().toString());
            document.put("context", context);
            document.put("figures", figures);
            document.put("misses", misses());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
