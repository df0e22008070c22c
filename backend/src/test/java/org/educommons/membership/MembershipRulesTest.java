package org.educommons.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.TenantKind;
import org.junit.jupiter.api.Test;

/** What an application must say and which meeting a decision is taken at; no database needed. */
class MembershipRulesTest {

    @Test
    void aCompleteApplicationHasNoErrorsAndItsKindIsRead() {
        JoinApplicationInput input = new JoinApplicationInput(" 泸县教育和体育局 ", null, " DISTRICT ", "四川省泸州市", "张老师",
                " zhang@example.cn ", "希望加入共同体", " luzhou ");
        assertThat(input.errors()).isEmpty();
        assertThat(input.parsedKind()).isEqualTo(TenantKind.DISTRICT);
        assertThat(input.parsedParent()).isEqualTo("luzhou");
        assertThat(new JoinApplicationInput("泸县", null, "DISTRICT", "r", "c", "a@b.cn", "由", " ").parsedParent())
                .as("a blank parent names none").isNull();
    }

    @Test
    void everyMissingOrInvalidFieldIsNamedAtOnce() {
        JoinApplicationInput empty = new JoinApplicationInput(null, null, null, " ", "", "not-an-address", null, "Lu Zhou");
        assertThat(empty.errors()).extracting(FieldError::field)
                .containsExactly("name", "region", "contactName", "reason", "contactEmail", "kind", "parent");
        assertThat(new JoinApplicationInput("x".repeat(101), null, "VILLAGE", "r", "c", "a@b", "x".repeat(4001), null).errors())
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
    private static JoinApplicationInput application(String name, String kind, String region, String contactName,
                                                    String contactEmail, String reason) {
        return new JoinApplicationInput(name, null, kind, region, contactName, contactEmail, reason, null);
    }

    private static List<String> errors(JoinApplicationInput input) {
        return input.errors().stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }

    @Test
    void theLongestTextsAllowedAreAcceptedAndOneMoreIsNot() {
        String hundred = "泸".repeat(100);
        assertThat(errors(application(hundred, "CITY", hundred, hundred, "a@b.cn", "由".repeat(4000)))).isEmpty();
        assertThat(errors(application("泸县", "CITY", hundred + "泸", hundred + "泸", "a@b.cn", "由")))
                .containsExactly("region:validation.too-long", "contactName:validation.too-long");
        assertThat(errors(application(" " + hundred + " ", "CITY", "r", "c", "a@b.cn", "由"))).as("surrounding blanks do not count")
                .isEmpty();
    }

    @Test
    void anEnglishNameIsOptional() {
        assertThat(new JoinApplicationInput("泸县", null, "DISTRICT", "r", "c", "a@b.cn", "由", null).errors()).isEmpty();
        assertThat(new JoinApplicationInput("泸县", "", "DISTRICT", "r", "c", "a@b.cn", "由", null).errors()).isEmpty();
    }

    @Test
    void anEmailAddressHasOneAtAndADotAfterItAndNoSpaces() {
        for (String valid : List.of("a@b.cn", "zhang.laoshi@jyj.luzhou.gov.cn", "  x@y.z  ")) {
            assertThat(errors(application("n", "CITY", "r", "c", valid, "由"))).as(valid).isEmpty();
        }
        for (String invalid : List.of("a@b", "a b@c.cn", "a@b@c.cn", "@b.cn", "a@.cn", "a@b.", "")) {
            assertThat(errors(application("n", "CITY", "r", "c", invalid, "由"))).as(invalid)
                    .containsExactly("contactEmail:validation.email");
        }
    }

    @Test
    void everyKindOfTenantMayApplyNamedExactly() {
        for (TenantKind kind : TenantKind.values()) {
            JoinApplicationInput input = application("n", kind.name(), "r", "c", "a@b.cn", "由");
            assertThat(input.errors()).as(kind.name()).isEmpty();
            assertThat(input.parsedKind()).isEqualTo(kind);
        }
        JoinApplicationInput lowercase = application("n", "city", "r", "c", "a@b.cn", "由");
        assertThat(lowercase.parsedKind()).isNull();
        assertThat(lowercase.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("kind");
            assertThat(e.args()).as("the allowed kinds are listed").containsExactly(List.of(TenantKind.values()).toString());
        });
    }
}
