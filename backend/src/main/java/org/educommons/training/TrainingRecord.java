package org.educommons.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.educommons.tenancy.LocalizedName;

/**
 * A person's training record: every event that earned hours, newest first; totals per year; and the current
 * five-year cycle with the hours it requires.
 */
public record TrainingRecord(List<Entry> entries, List<YearTotal> years, Cycle cycle) {

    /** One event: where it came from ({@code FORUM}, {@code ACTIVITY}), its host (slug and name), when, and the hours earned. */
    public record Entry(String source, long sourceId, String host, LocalizedName hostName, String title, LocalDate heldOn,
                        BigDecimal hours) {
    }

    public record YearTotal(int year, BigDecimal hours) {
    }

    /** One person of a tenant: hours in a year and in that year's five-year cycle, and whether the cycle's are reached. */
    public record PersonTotal(String username, String displayName, BigDecimal yearHours, BigDecimal cycleHours, boolean reached) {
    }

    /**
     * A five-year cycle ({@code from}–{@code to}, e.g. 2026–2030), the hours earned in it, the hours it requires
     * and whether they are reached.
     */
    public record Cycle(int from, int to, BigDecimal hours, BigDecimal required, boolean reached) {

        /** The cycle holding {@code year}: cycles run 2021–2025, 2026–2030, … (the five-year plans). */
        public static Cycle holding(int year, BigDecimal hours, BigDecimal required) {
            int from = 2021 + Math.floorDiv(year - 2021, 5) * 5;
            return new Cycle(from, from + 4, hours, required, hours.compareTo(required) >= 0);
        }
    }
}
