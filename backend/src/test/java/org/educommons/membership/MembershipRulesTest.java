package org.educommons.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.TenantKind;
import org.junit.jupiter.api.Test;

/** What an application must say and which meeting a decision is taken at; no database needed. */
class MembershipRulesTest {

    @Test
    void aCompleteApplicationHasNoErrorsAndItsKindIsRead() {
        JoinApplicationInput input = new JoinApplicationInput(" 泸县教育和体育局 ", null, " DISTRICT ", "四川省泸州市", "张老师",
                " zhang@example.cn ", "希望加入共同体");
        assertThat(input.errors()).isEmpty();
        assertThat(input.parsedKind()).isEqualTo(TenantKind.DISTRICT);
    }

    @Test
    void everyMissingOrInvalidFieldIsNamedAtOnce() {
        JoinApplicationInput empty = new JoinApplicationInput(null, null, null, " ", "", "not-an-address", null);
        assertThat(empty.errors()).extracting(FieldError::field)
                .containsExactly("name", "region", "contactName", "reason", "contactEmail", "kind");
        assertThat(new JoinApplicationInput("x".repeat(101), null, "VILLAGE", "r", "c", "a@b", "x".repeat(4001)).errors())
                .extracting(e -> e.field() + ":" + e.messageKey())
                .containsExactly("name:validation.too-long", "reason:validation.too-long", "contactEmail:validation.email",
                        "kind:validation.one-of");
    }

    @Test
    void aDecisionTakesTheScheduledMeetingUnlessItNamesItsOwn() {
        LocalDate scheduled = LocalDate.of(2026, 11, 20);
        Decision bare = new Decision("APPROVED", null, null, null, null, null).onMeeting("第十一次联席会", scheduled);
        assertThat(bare.meeting()).isEqualTo("第十一次联席会");
        assertThat(bare.meetingDate()).isEqualTo(scheduled);

        Decision own = new Decision("APPROVED", "第十二次联席会", LocalDate.of(2027, 3, 1), null, "luxian", null)
                .onMeeting("第十一次联席会", scheduled);
        assertThat(own.meeting()).isEqualTo("第十二次联席会");
        assertThat(own.meetingDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(own.slug()).isEqualTo("luxian");

        Decision ownNameOnly = new Decision("APPROVED", "临时联席会", null, null, null, null).onMeeting("第十一次联席会", scheduled);
        assertThat(ownNameOnly.meetingDate()).as("another meeting's date is not borrowed").isNull();
        Decision blankName = new Decision("REJECTED", " ", null, "理由", null, null).onMeeting(null, null);
        assertThat(blankName.meeting()).isNull();
        assertThat(blankName.reason()).isEqualTo("理由");
    }
}
