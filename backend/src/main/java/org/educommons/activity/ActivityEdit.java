package org.educommons.activity;

import java.util.List;

/**
 * A change the proposer makes to its activity: {@code DONE} with the {@code outcome} report (and
 * its attachments' descriptions; a later edit may refine both), or {@code CANCELLED} with a
 * {@code reason}.
 */
public record ActivityEdit(String status, String outcome, List<ActivityDetails.Attachment> attachments, String reason) {

    /** The outcome report; {@code attachments} null keeps the ones reported before. */
    public static ActivityEdit done(String outcome, List<ActivityDetails.Attachment> attachments) {
        return new ActivityEdit(ActivityStatus.DONE.name(), outcome, attachments, null);
    }

    /** Cancelling the activity, for {@code reason}. */
    public static ActivityEdit cancelled(String reason) {
        return new ActivityEdit(ActivityStatus.CANCELLED.name(), null, null, reason);
    }
}
