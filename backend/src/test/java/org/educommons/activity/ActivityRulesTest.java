package org.educommons.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    @Test
    void everyOrganiserWithoutAMemberIsNamedAndTheTypeIsReadExactly() {
        ActivityInput input = new ActivityInput("x".repeat(200), "workshop", MARCH, JULY, null,
                List.of(new ActivityInput.Organiser(null, "部分"), new ActivityInput.Organiser("rongchang", null),
                        new ActivityInput.Organiser("", null)), null, null, null);
        assertThat(errors(input)).containsExactly("type:validation.one-of", "organisers:validation.required",
                "organisers:validation.required");
        assertThat(input.parsedType()).isNull();
        for (ActivityType type : ActivityType.values()) {
            assertThat(new ActivityInput("t", type.name(), MARCH, JULY, null, null, null, null, null).errors()).as(type.name())
                    .isEmpty();
        }
    }

    @Test
    void aPairingMayLastOneDayAndAPairingOfAnUnknownTypeIsRefusedToo() {
        assertThat(errors(pairing(List.of(new ActivityInput.Pairing(1L, 2L, JULY, JULY))))).isEmpty();
        assertThat(errors(pairing(List.of(new ActivityInput.Pairing(1L, 2L, null, JULY)))))
                .containsExactly("pairings:validation.activity.pairing-incomplete");
        ActivityInput unknownType = new ActivityInput("t", null, MARCH, JULY, null, null, null, null,
                List.of(new ActivityInput.Pairing(1L, 2L, MARCH, JULY)));
        assertThat(errors(unknownType)).containsExactly("type:validation.one-of", "pairings:validation.activity.pairings-type");
    }

    @Test
    void aNewActivityIsProposedAndTheFirstReportMarksItDone() {
        OffsetDateTime first = OffsetDateTime.of(2027, 8, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        Activity activity = new Activity(1, 2, new ActivityInput("  泸荣结对帮扶 ", " SCHOOL_PAIRING", MARCH, JULY, "说明",
                null, null, null, null), "luzhou.admin");
        assertThat(activity.title()).isEqualTo("泸荣结对帮扶");
        assertThat(activity.type()).isEqualTo(ActivityType.SCHOOL_PAIRING);
        assertThat(activity.status()).isEqualTo(ActivityStatus.PROPOSED);
        assertThat(activity.status().open()).isTrue();

        activity.report(" 共 12 所学校结对 ", first);
        assertThat(activity.status()).isEqualTo(ActivityStatus.DONE);
        assertThat(activity.outcome()).isEqualTo("共 12 所学校结对");
        assertThat(activity.reportedAt()).isEqualTo(first);
        assertThat(activity.status().open()).isFalse();

        activity.report("共 13 所学校结对", first.plusDays(3));
        assertThat(activity.outcome()).as("a later report refines the outcome").isEqualTo("共 13 所学校结对");
        assertThat(activity.reportedAt()).as("but it was done when first reported").isEqualTo(first);
    }

    @Test
    void aCancelledActivityKeepsItsReasonAndIsNoLongerOpen() {
        Activity activity = new Activity(1, 2, new ActivityInput("送教", "TRAINING_SENT", MARCH, JULY, null, null, null, null, null),
                "luzhou.admin");
        activity.cancel("  疫情  ", OffsetDateTime.of(2026, 4, 1, 9, 0, 0, 0, ZoneOffset.UTC));
        assertThat(activity.status()).isEqualTo(ActivityStatus.CANCELLED);
        assertThat(activity.cancellationReason()).isEqualTo("疫情");
        assertThat(activity.status().open()).isFalse();
        assertThat(ActivityStatus.CONFIRMED.open()).isTrue();
    }
}
