package org.educommons.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A joint activity as members read it: who organises it and how each has answered, the schools
 * taking part, the plan items it realises, the school pairs it set up, and its outcome.
 */
public record ActivityDetails(long id, String community, String proposer, String title, ActivityType type,
                           LocalDate startsOn, LocalDate endsOn, String description, ActivityStatus status,
                           List<Organiser> organisers, List<School> schools, List<PlanItem> planItems,
                           List<Pairing> pairings, String outcome, OffsetDateTime reportedAt,
                           List<Attachment> attachments, String cancellationReason, String createdBy, int version) {

    /** Does the activity await the answer of member {@code tenant} (a slug)? */
    public boolean awaitsAnswerOf(String tenant) {
        return status == ActivityStatus.PROPOSED && organisers.stream()
                .anyMatch(o -> o.tenant().equals(tenant) && o.response() == OrganiserResponse.PENDING);
    }

    /** An organising member, its part and its answer. */
    public record Organiser(String tenant, String name, String part, OrganiserResponse response, String respondedBy,
                            OffsetDateTime respondedAt, String note) {
    }

    /** A school and the member it belongs to. */
    public record School(long id, String tenant, String name) {
    }

    /** A plan item the activity realises. */
    public record PlanItem(long id, String tenant, String title) {
    }

    /** One school supporting another (结对帮扶), within an activity. */
    public record Pairing(long id, long activity, String activityTitle, School supporting, School supported,
                          LocalDate startsOn, LocalDate endsOn) {
    }

    /** An attachment of the outcome report, described. */
    public record Attachment(String name, String description) {
    }
}
