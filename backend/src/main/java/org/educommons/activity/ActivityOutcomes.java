package org.educommons.activity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.api.IfMatch;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.audit.Changes;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/** How an activity ends: its proposer reports the outcome (with attachments) or cancels it, telling the organisers. */
@ApplicationScoped
@TenantTransactional
public class ActivityOutcomes {

    @Inject
    TenantContext tenantContext;

    @Inject
    ActivityRepository repository;

    @Inject
    ActivityAssembler assembler;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /**
     * The proposer reports the outcome (the activity is then done) or cancels it, having seen
     * version {@code expected} (428 without one, 412 otherwise).
     */
    public ActivityDetails edit(long id, IfMatch expected, ActivityEdit edit) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Activity activity = repository.visible(id);
        if (activity.proposerTenantId() != caller.tenantId()) {
            throw ProblemException.forbidden();
        }
        if (activity.version() != expected.required()) {
            throw new ProblemException(412, "precondition-failed");
        }
        ActivityStatus next = edit.status() == null || edit.status().isBlank() ? activity.status() : parseStatus(edit.status());
        Changes changes = switch (next) {
            case DONE -> report(activity, edit);
            case CANCELLED -> cancel(activity, edit, caller);
            default -> throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("status", "validation.one-of", "[DONE, CANCELLED]")));
        };
        repository.save(activity);
        audit.record("activity", id, "update", changes.asMap());
        return assembler.details(activity);
    }

    private Changes report(Activity activity, ActivityEdit edit) {
        if (activity.status() != ActivityStatus.CONFIRMED && activity.status() != ActivityStatus.DONE) {
            throw new ProblemException(409, "activity-not-confirmed", activity.title());
        }
        List<FieldError> errors = new ArrayList<>();
        if (edit.outcome() == null || edit.outcome().isBlank()) {
            errors.add(new FieldError("outcome", "validation.required"));
        }
        List<ActivityDetails.Attachment> attachments = edit.attachments();
        if (attachments != null) {
            for (ActivityDetails.Attachment a : attachments) {
                if (a == null || a.name() == null || a.name().isBlank() || a.description() == null || a.description().isBlank()) {
                    errors.add(new FieldError("attachments", "validation.activity.attachment"));
                } else if (a.name().trim().length() > 200) {
                    errors.add(new FieldError("attachments", "validation.too-long"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        Changes changes = activity.report(edit.outcome(), OffsetDateTime.now());
        if (attachments != null) {
            List<String> before = repository.attachmentNames(activity);
            repository.replaceAttachments(activity, attachments);
            changes.field("attachments", before, attachments.stream().map(a -> a.name().trim()).toList());
        }
        return changes;
    }

    private Changes cancel(Activity activity, ActivityEdit edit, AccountPrincipal caller) {
        if (!activity.status().open()) {
            throw new ProblemException(409, "activity-finished", activity.title());
        }
        if (edit.reason() == null || edit.reason().isBlank()) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("reason", "validation.required")));
        }
        Changes changes = activity.cancel(edit.reason(), OffsetDateTime.now());
        for (long tenant : repository.organisers(activity)) {
            if (tenant != caller.tenantId()) {
                outbox.notifyAdmins(tenant, "notify.activity.cancelled", activity.title(), edit.reason().trim());
            }
        }
        return changes;
    }

    private static ActivityStatus parseStatus(String status) {
        try {
            return ActivityStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("status", "validation.one-of", "[DONE, CANCELLED]")));
        }
    }
}
