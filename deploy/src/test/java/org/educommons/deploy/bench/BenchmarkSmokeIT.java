package org.educommons.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at tiny sizes, so that its harness never rots: every scenario runs against the real
 * product (the memory scenario's sessions in a real browser), every invariant holds, and every figure is
 * measured and written. Its timings are not judged
 * here (a CI machine's seconds prove nothing); the full run ({@code deploy/bench}) judges them.
 */
class BenchmarkSmokeIT {

    @Test
    void everyScenarioRunsAndEveryInvariantHolds() throws Exception {
        Report report = Benchmark.run(Benchmark.Sizes.named("smoke"));

        assertThat(report.figures()).filteredOn(f -> f.unit().equals("violations"))
                .as("invariants: seats, quotas, waitlist, duplicates, failed answers")
                .hasSizeGreaterThanOrEqualTo(7 + 9 + 3 + 1)
                .allSatisfy(f -> assertThat(f.value()).as(f.scenario() + ": " + f.name()).isZero());
        assertThat(report.figures()).filteredOn(f -> f.baseline() != null)
                .as("every ratio has a baseline measured in this run")
                .hasSize(8)
                .allSatisfy(f -> assertThat(f.baseline()).as(f.name()).isPositive())
                .allSatisfy(f -> assertThat(f.value()).as(f.name()).isPositive());
        assertThat(report.figures()).extracting(Report.Figure::scenario).contains("registration", "plan table", "reads", "onboarding", "start-up", "memory");
        assertThat(report.figures()).filteredOn(f -> f.scenario().equals("memory") && f.unit().equals("MB"))
                .as("the server's resident memory: idle, after the burst, with the sessions open")
                .hasSize(3)
                .allSatisfy(f -> assertThat(f.value()).as(f.name()).isGreaterThan(100));
        assertThat(report.figures()).filteredOn(f -> f.name().startsWith("heap per active Vaadin session")).hasSize(1);

        Path json = Path.of("target", "bench", "smoke.json");
        JsonNode written = new ObjectMapper().readTree(Files.readString(json));
        assertThat(written.get("figures")).hasSize(report.figures().size());
        assertThat(written.get("misses").asLong()).isEqualTo(report.misses());
        long invariants = report.figures().stream().filter(f -> f.unit().equals("violations")).count();
        org.educommons.deploy.Product.report("benchmark-smoke", "Benchmark at smoke sizes: " + report.figures().size()
                + " figures measured, " + invariants + " invariants hold, timings not judged (" + report.misses()
                + " would miss a full run's targets)");
    }
}
