package org.educommons.forum;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/** Check-in at a forum: the host takes the code of a confirmed registration, shown to its person as a QR code. */
@ApplicationScoped
@TenantTransactional
public class ForumCheckIns {

    @Inject
    TenantContext tenantContext;

    @Inject
    ForumAccess access;

    @Inject
    ForumRepository repository;

    @Inject
    ForumAssembler assembler;

    @Inject
    ForumRegistrations registrations;

    @Inject
    AuditTrail audit;

    /**
     * The host sets the credit hours (学时) its forum awards: each person checked in from then on gets them
     * on their training record, once (null: none). More than 0, at most 200, to a tenth of an hour: 400 naming
     * {@code hours} otherwise. Returns the hours now set.
     */
    public java.math.BigDecimal creditHours(long forumId, java.math.BigDecimal hours) {
        Forum forum = access.hosted(forumId);
        if (hours != null && (hours.signum() <= 0 || hours.compareTo(java.math.BigDecimal.valueOf(200)) > 0
                || hours.stripTrailingZeros().scale() > 1)) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("hours", "validation.forum.credit-hours")));
        }
        java.math.BigDecimal before = forum.creditHours();
        forum.creditHours(hours);
        repository.save(forum);
        audit.record("forum", forum.id(), "credit-hours",
                new org.educommons.platform.audit.Changes().put("creditHours", before, hours).asMap());
        return forum.creditHours();
    }

    /**
     * The host checks a person in by the code of their confirmed registration; a code is accepted
     * once (409 the second time), an unknown code is 404.
     */
    public RegistrationDetails checkIn(long forumId, String code) {
        Forum forum = access.hosted(forumId);
        if (code == null || code.isBlank()) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("code", "validation.required")));
        }
        ForumRepository.CheckIn checkIn = repository.checkIn(forum, code);
        switch (checkIn.outcome()) {
            case "CHECKED_IN" -> {
                audit.record("forum-registration", checkIn.registrationId(), "check-in", Map.of("forum", forum.id()));
                return assembler.registration(forum, checkIn.registrationId());
            }
            case "ALREADY" -> throw new ProblemException(409, "already-checked-in", BeijingTime.seconds(checkIn.checkedInAt()));
            default -> throw new ProblemException(404, "unknown-check-in-code");
        }
    }

    /** The check-in code of a confirmed registration the caller may see, as a QR code (PNG). */
    public byte[] checkInQr(long forumId, long registrationId) {
        tenantContext.requireCaller();
        RegistrationDetails registration = registrations.allRegistrations(forumId).stream()
                .filter(r -> r.id() == registrationId && r.checkInCode() != null)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("registration", registrationId));
        return CheckInCodes.png(registration.checkInCode());
    }
}
