package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.identity.Account;
import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.outbox.Recipient;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/**
 * Registering for forums: principals register themselves and members' admins their principals;
 * people cancel, the host decides on registrations that await approval, and confirmed people choose
 * a breakout group. Seats, quotas, the waitlist and "one registration per person" are decided by
 * PostgreSQL under a lock on the forum, so parallel requests cannot overbook.
 */
@ApplicationScoped
@TenantTransactional
public class ForumRegistrations {

    /** Stands for the promoted person's name in a message the database completes (see forum_cancel). */
    private static final String PROMOTED_PERSON = "\u2063promoted-person\u2063";

    @Inject
    TenantContext tenantContext;

    @Inject
    ForumRepository repository;

    @Inject
    ForumAccess access;

    @Inject
    ForumAssembler assembler;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /** A registration and whether this request created it. */
    public record Registered(RegistrationDetails registration, boolean created) {
    }

    /**
     * Registers the calling principal, or — for a tenant admin — one of the tenant's principals
     * named by {@code username}. A repeated request returns the existing registration.
     */
    public Registered register(long forumId, String username) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Forum forum = repository.visible(forumId);
        Account person = person(caller, username);
        if (!forum.registrationOpenAt(OffsetDateTime.now())) {
            throw new ProblemException(409, "registration-closed", forum.title());
        }
        // from here to the commit the forum is locked: no more reads, only the two writes that go with it
        ForumRepository.Registered made = repository.register(forum, caller.tenantId(), person.id(), caller.username());
        RegistrationDetails registration = assembler.registration(forum, made.registration());
        if (made.created()) {
            audit.record("forum-registration", registration.id(), "create",
                    Map.of("forum", forum.id(), "person", person.username(), "status", registration.status().name()));
            tell(Recipient.account(person.tenantId(), person.id(), person.email()), forum, registration);
        }
        return new Registered(registration, made.created());
    }

    /**
     * Cancels a registration: the person themselves, an admin of their tenant, or the host. A freed
     * seat goes to the first waitlisted person whose member still has quota.
     */
    public RegistrationDetails cancel(long forumId, long registrationId) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Forum forum = repository.visible(forumId);
        RegistrationDetails registration = assembler.registration(forum, registrationId);
        boolean mine = registration.person().equals(caller.username());
        boolean ownTenantAdmin = caller.has(Role.TENANT_ADMIN) && repository.registrantTenant(registrationId) == caller.tenantId();
        if (!mine && !ForumAccess.hosts(forum, caller) && !ownTenantAdmin) {
            throw ProblemException.forbidden();
        }
        if (registration.status() == RegistrationStatus.CANCELLED || registration.status() == RegistrationStatus.REJECTED) {
            return registration; // nothing left to cancel
        }
        Recipient cancelledPerson = repository.registrant(forum, registrationId);
        // who moves up may be another member's person: the database tells them, the caller never learns who
        Outbox.Rendered promotedMessage = Outbox.render("notify.registration.promoted", forum.title(), forum.when(),
                forum.venue(), PROMOTED_PERSON);
        List<Long> promoted = repository.cancel(forum, registrationId, promotedMessage, PROMOTED_PERSON);
        RegistrationDetails cancelled = assembler.registration(forum, registrationId);
        audit.record("forum-registration", registrationId, "cancel",
                Map.of("forum", forum.id(), "promoted", promoted.stream().map(String::valueOf).toList()));
        outbox.notify(cancelledPerson, "notify.registration.cancelled", forum.title(), forum.when(), forum.venue());
        return cancelled;
    }

    /**
     * Registrations of a forum as the caller may see them, by id, a page at a time: the host all,
     * a member's admin its own people's, a principal their own.
     */
    public Page<RegistrationDetails> registrations(long forumId, String cursor, Integer limit) {
        int size = Page.limit(limit);
        return Page.of(registrations(forumId, Page.longCursor(cursor, 0), size + 1), size, r -> String.valueOf(r.id()));
    }

    /** All registrations of a forum the caller may see (for exports). */
    public List<RegistrationDetails> allRegistrations(long forumId) {
        return registrations(forumId, 0, Integer.MAX_VALUE);
    }

    private List<RegistrationDetails> registrations(long forumId, long after, int max) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Forum forum = repository.visible(forumId);
        // row-level security narrows an admin's view to its own people unless it hosts the forum
        return repository.registrations(forum, caller.has(Role.TENANT_ADMIN), caller.username(), after, max).stream()
                .map(r -> assembler.registration(forum, r)).toList();
    }

    /**
     * The host decides on a registration that awaits approval: approved, it takes a seat when one is
     * left (else the waitlist); rejected, it ends. Deciding twice is 409.
     */
    public RegistrationDetails decide(long forumId, long registrationId, String decision) {
        Forum forum = access.hosted(forumId);
        String verdict = decision == null ? "" : decision.trim();
        if (!verdict.equals("APPROVED") && !verdict.equals("REJECTED")) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("decision", "validation.one-of", "[APPROVED, REJECTED]")));
        }
        boolean approve = verdict.equals("APPROVED");
        RegistrationDetails before = assembler.registration(forum, registrationId);
        if (repository.decide(forum, registrationId, approve).isEmpty()) {
            throw new ProblemException(409, "registration-decided", before.person());
        }
        RegistrationDetails after = assembler.registration(forum, registrationId);
        audit.record("forum-registration", registrationId, approve ? "approve" : "reject",
                Map.of("forum", forum.id(), "status", List.of(before.status().name(), after.status().name())));
        tell(repository.registrant(forum, registrationId), forum, after);
        return after;
    }

    /**
     * Chooses the breakout group of a confirmed registration ({@code session} null: none): the
     * person, an admin of their member, or the host. A full group is 409, and so is a registration
     * that is not confirmed.
     */
    public RegistrationDetails chooseBreakout(long forumId, long registrationId, Long session) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Forum forum = repository.visible(forumId);
        RegistrationDetails registration = assembler.registration(forum, registrationId);
        if (!registration.person().equals(caller.username()) && !caller.has(Role.TENANT_ADMIN)) {
            throw ProblemException.forbidden();
        }
        String outcome = repository.chooseBreakout(forum, registrationId, session)
                .orElseThrow(() -> ProblemException.notFound("registration", registrationId));
        switch (outcome) {
            case "FULL" -> throw new ProblemException(409, "breakout-full",
                    assembler.session(forum, session).map(SessionDetails::title).orElse(String.valueOf(session)));
            case "NOT_CONFIRMED" -> throw new ProblemException(409, "registration-not-confirmed", registration.person());
            case "NOT_BREAKOUT" -> throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("session", "validation.forum.not-breakout", session)));
            default -> {
                audit.record("forum-registration", registrationId, "breakout",
                        Map.of("forum", forum.id(), "session", Arrays.asList(registration.breakout(), session)));
                return assembler.registration(forum, registrationId);
            }
        }
    }

    /** Tells the registered person where their registration stands: their check-in code, or their place in the queue. */
    private void tell(Recipient person, Forum forum, RegistrationDetails r) {
        outbox.notify(person, "notify.registration." + r.status(), forum.title(), forum.when(), forum.venue(),
                r.status() == RegistrationStatus.WAITLISTED ? String.valueOf(r.position()) : String.valueOf(r.checkInCode()));
    }

    /** The person to register: the caller (a principal), or one of the admin's own tenant's principals. */
    private Account person(AccountPrincipal caller, String username) {
        if (username == null || username.isBlank() || username.equals(caller.username())) {
            if (!caller.has(Role.PRINCIPAL)) {
                throw new ProblemException(400, "invalid-input", List.of(new FieldError("username", "validation.forum.who")));
            }
            return repository.account(caller.tenantId(), caller.accountId());
        }
        if (!caller.has(Role.TENANT_ADMIN)) {
            throw ProblemException.forbidden();
        }
        Account person = repository.account(caller.tenantId(), username.trim())
                .filter(a -> a.roles().contains(Role.PRINCIPAL))
                .orElseThrow(() -> new ProblemException(400, "invalid-input",
                        List.of(new FieldError("username", "validation.forum.not-own-principal", username))));
        return person;
    }
}
