package org.educommons.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/**
 * Organisers answer for their part of a proposed activity. The answer goes through
 * {@code activity_respond}, which confirms the activity when the last organiser has.
 */
@ApplicationScoped
@TenantTransactional
public class ActivityAnswers {

    @Inject
    TenantContext tenantContext;

    @Inject
    CommunityDirectory directory;

    @Inject
    ActivityRepository repository;

    @Inject
    ActivityAssembler assembler;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /** A proposed activity that waits for the caller's tenant to answer for its part. */
    public record Awaiting(long id, String title, ActivityType type, String community, String proposer,
                           LocalizedName proposerName, LocalDate startsOn, LocalDate endsOn, String part) {
    }

    /** The proposed activities waiting for the caller's tenant to answer, soonest first (its tenant admins only). */
    public List<Awaiting> awaitingOurAnswer() {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        return repository.awaitingAnswerOf(caller.tenantId(), 50);
    }

    /**
     * An organiser's tenant admin confirms or declines the part it was asked to take (a reason is
     * needed to decline). Answering twice, or once the activity is no longer proposed, is 409.
     */
    public ActivityDetails respond(long id, String decision, String note) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Activity activity = repository.visible(id);
        if (!repository.isOrganiser(activity, caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        String verdict = decision == null ? "" : decision.trim();
        if (!verdict.equals("CONFIRMED") && !verdict.equals("DECLINED")) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("decision", "validation.one-of", "[CONFIRMED, DECLINED]")));
        }
        boolean confirm = verdict.equals("CONFIRMED");
        String reason = note == null || note.isBlank() ? null : note.trim();
        if (!confirm && reason == null) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("note", "validation.activity.decline-reason")));
        }
        ActivityStatus status = repository.respond(activity, confirm, caller.username(), reason)
                .orElseThrow(() -> new ProblemException(409, "activity-answered", activity.title()));
        outbox.notifyAdmins(activity.proposerTenantId(), confirm ? "notify.activity.part-confirmed" : "notify.activity.part-declined",
                activity.title(), directory.roster(activity.communityId()).nameOf(caller.tenantId()), reason == null ? "—" : reason);
        if (status == ActivityStatus.CONFIRMED) {
            for (long tenant : repository.organisers(activity)) {
                outbox.notifyAdmins(tenant, "notify.activity.confirmed", activity.title(), activity.startsOn(), activity.endsOn());
            }
        }
        audit.record("activity", id, confirm ? "confirm-part" : "decline-part",
                reason == null ? Map.of("status", status.name()) : Map.of("status", status.name(), "note", reason));
        repository.reload(activity);
        return assembler.details(activity);
    }
}
