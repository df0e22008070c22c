package org.educommons.activity;

import java.util.List;

/**
 * A change the proposer makes to its activity: {@code DONE} with the {@code outcome} report (and
 * its attachments' descriptions; a later edit may refine both), or {@code CANCELLED} with a
 * {@code reason}.
 */
public record ActivityEdit(String status, String outcome, List<ActivityDetails.Attachment> attachments, String reason) {
}
