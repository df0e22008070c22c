package org.educommons.membership;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.educommons.platform.database.Row;
import org.educommons.platform.api.IfMatch;
import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Passwords;
import org.educommons.identity.Role;
import org.educommons.identity.Secrets;
import org.educommons.platform.api.Page;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.outbox.Recipient;
import org.educommons.platform.throttle.Throttle;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.Community;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantKind;
import org.educommons.tenancy.TenantSlug;
import org.educommons.tenancy.TenantTransactional;

/**
 * Applying to join a community and deciding on it. Anyone may apply; only the community's
 * secretariat sees applications and records decisions. Approval provisions the tenant, its
 * membership from the meeting date, its first administrator and a single-use invitation, all in the
 * approving transaction, and hands the new tenant to the tenant configuration.
 */
@ApplicationScoped
@TenantTransactional
public class JoinApplications {

    static final int INVITATION_DAYS = 14;

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    @Inject
    CommunityDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Event<TenantProvisioned> provisioned;

    @Inject
    Passwords passwords;

    @Inject
    Outbox outbox;

    @Inject
    Throttle throttle;

    /** Applications anyone may send from one address per hour ({@code educommons.join.applications-per-hour}). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "educommons.join.applications-per-hour", defaultValue = "5")
    int applicationsPerHour;

    private Throttle.Limit applicationsPerAddress() {
        return new Throttle.Limit("join-application-address", applicationsPerHour, java.time.Duration.ofHours(1));
    }

    /** Where people reach the product, for links in mail (EDUCOMMONS_PUBLIC_URL). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "educommons.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    /** The longest slug whose administrator, {@code <slug>.admin}, still makes a valid username. */
    private static final int MAX_SLUG = 57;

    /** Submits an application; a second open application of the same city or district is refused (409). */
    public JoinApplicationDetails apply(CommunitySlug communitySlug, JoinApplicationInput input, String address) {
        throttle.check(applicationsPerAddress(), address, "too-many-requests");
        Community community = directory.find(communitySlug);
        List<FieldError> errors = input.errors();
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        Long parent = parentOf(input);
        long id;
        try {
            id = Row.single(em.createNativeQuery("select membership_apply(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as bigint))")
                    // trimmed as validated: Java's trim also takes tabs and line breaks, btrim only spaces
                    .setParameter(1, community.id()).setParameter(2, input.name().trim())
                    .setParameter(3, input.nameEn() == null ? null : input.nameEn().trim())
                    .setParameter(4, input.parsedKind().name()).setParameter(5, input.region().trim())
                    .setParameter(6, input.contactName().trim()).setParameter(7, input.contactEmail().trim())
                    .setParameter(8, input.reason().trim()).setParameter(9, parent), r -> r.getLong(0));
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new ProblemException(409, "duplicate-application", input.name().trim());
            }
            throw e;
        }
        throttle.count(applicationsPerAddress(), address);
        return new JoinApplicationDetails(id, communitySlug.value(), input.name().trim(), input.nameEn(), input.parsedKind().name(),
                input.region().trim(), input.parsedParent(), null, null, null, "PENDING", null, null, null, null, OffsetDateTime.now(), 0);
    }

    /**
     * The id of the tenant the applicant names as the one it belongs under: it must exist, and the applicant
     * must sit below its level (a county under a city, not a city under a county); 400 naming the field if not.
     */
    private Long parentOf(JoinApplicationInput input) {
        String slug = input.parsedParent();
        if (slug == null) {
            return null;
        }
        Object[] parent = Row.first(em.createNativeQuery("select id, kind, name_zh from tenant where slug = ?1").setParameter(1, slug),
                r -> new Object[] {r.getLong(0), r.getString(1), r.getString(2)}).orElse(null);
        if (parent == null) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("parent", "validation.parent-unknown", slug)));
        }
        TenantKind parentKind = TenantKind.valueOf((String) parent[1]);
        if (!input.parsedKind().isBelow(parentKind)) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("parent", "validation.parent-level",
                    input.parsedKind().name(), parent[2], parentKind.name())));
        }
        return (Long) parent[0];
    }

    /** The community's applications by id, a page at a time, optionally of one status (its secretariat only). */
    public Page<JoinApplicationDetails> applications(CommunitySlug communitySlug, String status, String cursor, Integer limit) {
        Community community = requireSecretariat(communitySlug);
        String only = status == null || status.isBlank() ? null : status.trim();
        if (only != null && !List.of("PENDING", "APPROVED", "REJECTED").contains(only)) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("status", "validation.one-of", "[PENDING, APPROVED, REJECTED]")));
        }
        int size = Page.limit(limit);
        var query = em.createNativeQuery(COLUMNS + " where a.community_id = ?1 and a.id > ?2"
                        + (only == null ? "" : " and a.status = ?3") + " order by a.id")
                .setParameter(1, community.id()).setParameter(2, Page.longCursor(cursor, 0))
                .setMaxResults(size + 1);
        if (only != null) {
            query.setParameter(3, only);
        }
        return Page.of(Row.list(query, JoinApplications::view), size, a -> String.valueOf(a.id()));
    }

    /**
     * The open applications of every community whose secretariat the caller's tenant is, those on the
     * agenda of the soonest joint council meeting first, then those still to schedule, oldest first
     * (secretariat staff only; row-level security shows no other community's applications).
     */
    public List<JoinApplicationDetails> awaitingDecision() {
        tenantContext.requireRole(Role.SECRETARIAT);
        return Row.list(em.createNativeQuery(COLUMNS + """
                         where a.status = 'PENDING' and app_is_secretariat(a.community_id)
                         order by a.meeting_date nulls last, a.created_at, a.id""")
                .setMaxResults(100), JoinApplications::view);
    }

    /**
     * The secretariat puts an open application on the agenda of a joint council meeting (名称/届次
     * and date); the applicant is told. Scheduling again moves it to another meeting.
     */
    public JoinApplicationDetails schedule(long applicationId, IfMatch expected, Meeting meeting) {
        AccountPrincipal caller = tenantContext.requireRole(Role.SECRETARIAT);
        JoinApplicationDetails application = application(applicationId);
        if (!"PENDING".equals(application.status())) {
            throw new ProblemException(409, "application-decided", application.name());
        }
        int expectedVersion = expected.required();
        if (application.version() != expectedVersion) {
            throw new ProblemException(412, "precondition-failed");
        }
        List<FieldError> errors = new ArrayList<>();
        if (meeting.meeting() == null || meeting.meeting().isBlank()) {
            errors.add(new FieldError("meeting", "validation.required"));
        } else if (meeting.meeting().trim().length() > 100) {
            errors.add(new FieldError("meeting", "validation.too-long"));
        }
        if (meeting.meetingDate() == null) {
            errors.add(new FieldError("meetingDate", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        int scheduled = em.createNativeQuery(
                        "update join_application set meeting = ?1, meeting_date = ?2 where id = ?3 and status = 'PENDING' and version = ?4")
                .setParameter(1, meeting.meeting().trim()).setParameter(2, meeting.meetingDate())
                .setParameter(3, application.id()).setParameter(4, expectedVersion)
                .executeUpdate();
        if (scheduled == 0) { // changed meanwhile
            throw new ProblemException(412, "precondition-failed");
        }
        audit.record("join-application", application.id(), "schedule", Map.of(
                "meeting", java.util.Arrays.asList(application.meeting(), meeting.meeting().trim()),
                "meetingDate", java.util.Arrays.asList(application.meetingDate() == null ? null : application.meetingDate().toString(),
                        meeting.meetingDate().toString())));
        outbox.notify(Recipient.email(application.contactEmail()), "notify.join.scheduled", application.name(),
                application.community(), meeting.meeting().trim(), meeting.meetingDate(), caller.username());
        return application(application.id());
    }

    /** A joint council meeting: its name or number (名称/届次) and date. */
    public record Meeting(String meeting, java.time.LocalDate meetingDate) {
    }

    /**
     * Records the joint council's decision (its community's secretariat only); with
     * {@code expected} version, only on the application as the caller last saw it (412 otherwise).
     */
    public Decided decide(long applicationId, IfMatch expected, Decision decision) {
        AccountPrincipal caller = tenantContext.requireRole(Role.SECRETARIAT);
        JoinApplicationDetails application = application(applicationId);
        if (!"PENDING".equals(application.status())) {
            throw new ProblemException(409, "application-decided", application.name());
        }
        Integer expectedVersion = expected.optional();
        if (expectedVersion != null && application.version() != expectedVersion) {
            throw new ProblemException(412, "precondition-failed");
        }
        String verdict = decision == null || decision.decision() == null ? "" : decision.decision().trim();
        decision = decision.onMeeting(application.meeting(), application.meetingDate());
        return switch (verdict) {
            case "APPROVED" -> approve(caller, application, decision);
            case "REJECTED" -> reject(caller, application, decision);
            default -> throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("decision", "validation.one-of", "[APPROVED, REJECTED]")));
        };
    }

    private Approved approve(AccountPrincipal caller, JoinApplicationDetails application, Decision decision) {
        List<FieldError> errors = new ArrayList<>();
        if (decision.meeting() == null || decision.meeting().isBlank()) {
            errors.add(new FieldError("meeting", "validation.required"));
        }
        if (decision.meetingDate() == null) {
            errors.add(new FieldError("meetingDate", "validation.required"));
        }
        String slug = decision.slug() == null || decision.slug().isBlank() ? "member-" + application.id() : decision.slug().trim();
        if (!TenantSlug.isValid(slug)) {
            errors.add(new FieldError("slug", "validation.slug"));
        } else if (slug.length() > MAX_SLUG) {
            errors.add(new FieldError("slug", "validation.slug-length", MAX_SLUG));
        } else if (!em.createNativeQuery("select 1 from tenant where slug = ?1").setParameter(1, slug).getResultList().isEmpty()) {
            errors.add(new FieldError("slug", "validation.slug-taken", slug));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        String token = Secrets.newToken();
        String adminUsername = slug + ".admin";
        em.createNativeQuery("select * from membership_provision(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, application.id()).setParameter(2, slug).setParameter(3, decision.nameEn())
                .setParameter(4, decision.meeting().trim()).setParameter(5, decision.meetingDate())
                .setParameter(6, caller.username()).setParameter(7, adminUsername)
                .setParameter(8, Secrets.digest(token)).setParameter(9, INVITATION_DAYS)
                .getSingleResult();
        JoinApplicationDetails approved = application(application.id());
        provisioned.fire(new TenantProvisioned(slug, approved.name(),
                decision.nameEn() == null || decision.nameEn().isBlank() ? approved.name() : decision.nameEn().trim(),
                approved.kind(), approved.region(), approved.parent(), approved.community(), decision.meetingDate(), decision.meeting().trim(),
                adminUsername, approved.contactName(), approved.contactEmail()));
        audit.record("join-application", application.id(), "approve",
                Map.of("tenant", slug, "meeting", decision.meeting().trim(), "meetingDate", decision.meetingDate().toString()));
        // the link is the new administrator's alone: it goes to their mailbox, never to the secretariat
        outbox.mailSecret(approved.contactEmail(), "notify.join.approved", approved.name(), approved.community(),
                decision.meeting().trim(), adminUsername, invitationLink(token), INVITATION_DAYS);
        return new Approved(approved, adminUsername, approved.contactEmail(), OffsetDateTime.now().plusDays(INVITATION_DAYS));
    }

    private JoinApplicationDetails reject(AccountPrincipal caller, JoinApplicationDetails application, Decision decision) {
        if (decision.reason() == null || decision.reason().isBlank()) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("reason", "validation.required")));
        }
        int updated = em.createNativeQuery("""
                        update join_application set status = 'REJECTED', rejection_reason = ?1, decided_by = ?2,
                               decided_at = now(), meeting = ?3, meeting_date = ?4
                         where id = ?5 and status = 'PENDING'""")
                .setParameter(1, decision.reason().trim()).setParameter(2, caller.username())
                .setParameter(3, decision.meeting()).setParameter(4, decision.meetingDate())
                .setParameter(5, application.id())
                .executeUpdate();
        if (updated == 0) { // decided meanwhile
            throw new ProblemException(409, "application-decided", application.name());
        }
        audit.record("join-application", application.id(), "reject", Map.of("reason", decision.reason().trim()));
        JoinApplicationDetails rejected = application(application.id());
        outbox.notify(Recipient.email(rejected.contactEmail()), "notify.join.rejected", rejected.name(), rejected.community(),
                decision.reason().trim());
        return rejected;
    }

    /** The page on which the invited administrator chooses a password. */
    String invitationLink(String token) {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "invitation?token=" + token;
    }

    /** The invited administrator chooses a password; the invitation works once and expires. */
    public String acceptInvitation(String token, String password) {
        String weakness = Passwords.policyViolation(password, null);
        if (weakness != null) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("password", weakness)));
        }
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new ProblemException(404, "invitation-invalid");
        }
        return Row.first(em.createNativeQuery("select username from identity_accept_invitation(?1, ?2)")
                        .setParameter(1, Secrets.digest(token.trim()))
                        .setParameter(2, passwords.hash(password)), r -> r.getString(0))
                .orElseThrow(() -> new ProblemException(404, "invitation-invalid"));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static final String COLUMNS = """
            select a.id, c.slug, a.name_zh, a.name_en, a.kind, a.region, a.contact_name, a.contact_email, a.reason,
                   a.status, a.meeting, a.meeting_date, a.rejection_reason, t.slug, a.created_at, a.version, p.slug
              from join_application a join community c on c.id = a.community_id
              left join tenant t on t.id = a.tenant_id
              left join tenant p on p.id = a.parent_id
            """;

    private JoinApplicationDetails application(long id) {
        // row-level security: only the secretariat of the application's community sees it
        return Row.first(em.createNativeQuery(COLUMNS + " where a.id = ?1").setParameter(1, id), JoinApplications::view)
                .orElseThrow(() -> ProblemException.notFound("join-application", id));
    }

    private static JoinApplicationDetails view(Row r) {
        return new JoinApplicationDetails(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(16), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                r.getLocalDate(11), r.getString(12), r.getString(13), r.getOffsetDateTime(14), r.getInt(15));
    }

    private Community requireSecretariat(CommunitySlug slug) {
        AccountPrincipal caller = tenantContext.requireRole(Role.SECRETARIAT);
        Community community = directory.find(slug);
        if (!directory.roster(community).isSecretariat(caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        return community;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
