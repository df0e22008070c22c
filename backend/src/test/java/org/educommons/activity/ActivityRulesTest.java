package org.educommons.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a joint activity must say on its own (membership and schools are the service's, with the database). */
class ActivityRulesTest {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    static final LocalDate JULY = LocalDate.of(2027, 7, 31);

    private static ActivityInput pairing(List<ActivityInput.Pairing> pairings) {
        return new ActivityInput("泸荣结对帮扶", "SCHOOL_PAIRING", MARCH, JULY, null,
                List.of(new ActivityInput.Organiser("rongchang", "组织受援学校")), List.of(1L, 2L), List.of(9L), pairings);
    }

    private static List<String> errors(ActivityInput input) {
        return input.errors().stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }

    @Test
    void aCompleteSchoolPairingHasNoErrors() {
        assertThat(errors(pairing(List.of(new ActivityInput.Pairing(1L, 2L, MARCH, JULY))))).isEmpty();
    }

    @Test
    void everyMissingOrContradictoryFieldIsNamedAtOnce() {
        ActivityInput empty = new ActivityInput(" ", "PICNIC", null, null, null,
                List.of(new ActivityInput.Organiser(" ", null)), null, null, null);
        assertThat(errors(empty)).containsExactly("title:validation.required", "type:validation.one-of",
                "startsOn:validation.required", "endsOn:validation.required", "organisers:validation.required");
        ActivityInput backwards = new ActivityInput("x".repeat(201), "WORKSHOP", JULY, MARCH, null, null, null, null, null);
        assertThat(errors(backwards)).containsExactly("title:validation.too-long", "endsOn:validation.activity.ends-before-start");
        assertThat(errors(new ActivityInput("一日活动", "SHADOWING", MARCH, MARCH, null, null, null, null, null)))
                .as("one day is fine").isEmpty();
    }

    @Test
    void onlyASchoolPairingHasPairsAndEachPairIsCompleteInOrderAndOnce() {
        ActivityInput training = new ActivityInput("送教", "TRAINING_SENT", MARCH, JULY, null, null, null, null,
                List.of(new ActivityInput.Pairing(1L, 2L, MARCH, JULY)));
        assertThat(errors(training)).containsExactly("pairings:validation.activity.pairings-type");

        assertThat(errors(pairing(List.of(
                new ActivityInput.Pairing(1L, 2L, MARCH, JULY),
                new ActivityInput.Pairing(1L, 2L, MARCH, JULY),
                new ActivityInput.Pairing(2L, null, MARCH, JULY),
                new ActivityInput.Pairing(2L, 1L, JULY, MARCH)))))
                .containsExactly("pairings:validation.activity.pairing-duplicate", "pairings:validation.activity.pairing-incomplete",
                        "pairings:validation.activity.ends-before-start");
        assertThat(errors(pairing(List.of(new ActivityInput.Pairing(2L, 1L, MARCH, JULY), new ActivityInput.Pairing(1L, 2L, MARCH, JULY)))))
                .as("each way round is another pair").isEmpty();
    }

    @Test
    void emptyEntriesAndRepeatedIdsAreDropped() {
        ActivityInput input = new ActivityInput("t", " WORKSHOP ", MARCH, JULY, null,
                Arrays.asList(null, new ActivityInput.Organiser("yongchuan", null)), Arrays.asList(3L, null, 3L, 4L),
                Arrays.asList(9L, 9L), Arrays.asList((ActivityInput.Pairing) null));
        assertThat(input.organisers()).extracting(ActivityInput.Organiser::tenant).containsExactly("yongchuan");
        assertThat(input.schools()).containsExactly(3L, 4L);
        assertThat(input.planItems()).containsExactly(9L);
        assertThat(input.pairings()).isEmpty();
        assertThat(input.parsedType()).isEqualTo(ActivityType.WORKSHOP);
    }
}
