package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.database.Row;
import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/**
 * Forums across communities, as one person or one tenant meets them: a person's own registrations,
 * the forums open for them to register, and the forums their tenant hosts with the registrations
 * arriving from each member. Read models for the workbench and {@code /me/registrations}; what a
 * single forum shows stays with {@link ForumHosting}.
 */
@ApplicationScoped
@TenantTransactional
public class ForumOverview {

    /** At most this many forums in each list: a workbench shows what is next, the forum lists the rest. */
    static final int LIMIT = 50;

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    /** One of the caller's own registrations, with the forum it is for. */
    public record MyRegistration(long forum, String title, String venue, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                 String host, LocalizedName hostName, long registration, RegistrationStatus status,
                                 Integer position, String checkInCode, OffsetDateTime checkedInAt) {
        static MyRegistration of(Row r) {
            return new MyRegistration(r.getLong(0), r.getString(1), r.getString(2), r.getOffsetDateTime(3),
                    r.getOffsetDateTime(4), r.getString(5), new LocalizedName(r.getString(6), r.getString(7)), r.getLong(8),
                    r.getEnum(9, RegistrationStatus.class), r.getNullableInt(10), r.getString(11), r.getOffsetDateTime(12));
        }
    }

    /**
     * The caller's registrations that were not cancelled, forum by forum: when {@code upcoming}, those of
     * forums that have not ended, soonest first; otherwise all of them, latest first.
     */
    public List<MyRegistration> myRegistrations(boolean upcoming) {
        AccountPrincipal caller = tenantContext.requireCaller();
        return Row.list(em.createNativeQuery("""
                        select f.id, f.title, f.venue, f.starts_at, f.ends_at, h.slug, h.name_zh, h.name_en, r.id, r.status,
                               case when r.status = 'WAITLISTED' then forum_waitlist_position(r.tenant_id, r.forum_id, r.id) end,
                               r.check_in_code, r.checked_in_at
                          from forum_registration r
                          join forum f on f.tenant_id = r.tenant_id and f.id = r.forum_id
                          join tenant h on h.id = f.tenant_id
                         where r.registrant_tenant_id = ?1 and r.account_id = ?2 and r.status <> 'CANCELLED'
                           and (not ?3 or f.ends_at > now())
                         order by case when ?3 then f.starts_at end, f.starts_at desc, f.id""")
                .setParameter(1, caller.tenantId()).setParameter(2, caller.accountId()).setParameter(3, upcoming)
                .setMaxResults(LIMIT), MyRegistration::of);
    }

    /** A forum whose registration is open now. */
    public record OpenForum(long id, String title, String community, String host, LocalizedName hostName,
                            OffsetDateTime startsAt, OffsetDateTime registrationClosesAt, int capacity, int confirmed,
                            boolean approvalRequired) {
        static OpenForum of(Row r) {
            return new OpenForum(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                    new LocalizedName(r.getString(4), r.getString(5)), r.getOffsetDateTime(6), r.getOffsetDateTime(7),
                    r.getInt(8), r.getInt(9), r.getBoolean(10));
        }

        public int seatsLeft() {
            return Math.max(0, capacity - confirmed);
        }
    }

    /**
     * Forums of the caller's communities whose registration is open now and for which the caller has no
     * registration (a cancelled one aside), closing soonest first.
     */
    public List<OpenForum> openForRegistration() {
        AccountPrincipal caller = tenantContext.requireCaller();
        return Row.list(em.createNativeQuery("""
                        select f.id, f.title, c.slug, h.slug, h.name_zh, h.name_en, f.starts_at, f.registration_closes_at,
                               f.capacity, (select s.total from forum_seats_taken(f.tenant_id, f.id, ?1) s), f.approval_required
                          from forum f
                          join community c on c.id = f.community_id
                          join tenant h on h.id = f.tenant_id
                         where f.community_id in (select community_id from community_membership where tenant_id = ?1)
                           and now() >= f.registration_opens_at and now() < f.registration_closes_at
                           and not exists (select 1 from forum_registration r
                                            where r.tenant_id = f.tenant_id and r.forum_id = f.id
                                              and r.registrant_tenant_id = ?1 and r.account_id = ?2
                                              and r.status <> 'CANCELLED')
                         order by f.registration_closes_at, f.id""")
                .setParameter(1, caller.tenantId()).setParameter(2, caller.accountId())
                .setMaxResults(LIMIT), OpenForum::of);
    }

    /** How one member's registrations for a hosted forum stand, against its quota when the forum has quotas. */
    public record MemberRegistrations(String member, LocalizedName name, int confirmed, int waitlisted, int pending,
                                      Integer quota) {
    }

    /** A forum the caller's tenant hosts that has not ended, with its registrations in total and per member. */
    public record HostedForum(long id, String title, String community, OffsetDateTime startsAt, int capacity,
                              int confirmed, int waitlisted, int pending, List<MemberRegistrations> members) {
    }

    /** The forums the caller's tenant hosts that have not ended, soonest first (its tenant admins only). */
    public List<HostedForum> hosted() {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        record Counted(long forum, String member, LocalizedName name, int confirmed, int waitlisted, int pending,
                       Integer quota) {
        }
        // members with a quota or a registration, per forum; the totals are their sums
        List<Counted> counted = Row.list(em.createNativeQuery("""
                        with hosted as (select id from forum where tenant_id = ?1 and ends_at > now()
                                         order by starts_at, id limit ?2),
                             per_member as (
                                 select r.forum_id, r.registrant_tenant_id as member,
                                        count(*) filter (where r.status = 'CONFIRMED') as confirmed,
                                        count(*) filter (where r.status = 'WAITLISTED') as waitlisted,
                                        count(*) filter (where r.status = 'PENDING') as pending
                                   from forum_registration r
                                  where r.tenant_id = ?1 and r.forum_id in (select id from hosted)
                                  group by r.forum_id, r.registrant_tenant_id)
                        select coalesce(p.forum_id, q.forum_id), t.slug, t.name_zh, t.name_en,
                               coalesce(p.confirmed, 0), coalesce(p.waitlisted, 0), coalesce(p.pending, 0), q.seats
                          from per_member p
                          full join (select forum_id, member_tenant_id, seats from forum_quota
                                      where tenant_id = ?1 and forum_id in (select id from hosted)) q
                            on q.forum_id = p.forum_id and q.member_tenant_id = p.member
                          join tenant t on t.id = coalesce(p.member, q.member_tenant_id)
                         order by t.slug""")
                .setParameter(1, caller.tenantId()).setParameter(2, LIMIT),
                r -> new Counted(r.getLong(0), r.getString(1), new LocalizedName(r.getString(2), r.getString(3)),
                        r.getInt(4), r.getInt(5), r.getInt(6), r.getNullableInt(7)));
        Map<Long, List<MemberRegistrations>> byForum = counted.stream().collect(Collectors.groupingBy(Counted::forum,
                Collectors.mapping(c -> new MemberRegistrations(c.member(), c.name(), c.confirmed(), c.waitlisted(),
                        c.pending(), c.quota()), Collectors.toList())));
        return Row.list(em.createNativeQuery("""
                        select f.id, f.title, c.slug, f.starts_at, f.capacity
                          from forum f join community c on c.id = f.community_id
                         where f.tenant_id = ?1 and f.ends_at > now()
                         order by f.starts_at, f.id""")
                .setParameter(1, caller.tenantId()).setMaxResults(LIMIT), r -> {
                    List<MemberRegistrations> members = byForum.getOrDefault(r.getLong(0), List.of());
                    return new HostedForum(r.getLong(0), r.getString(1), r.getString(2), r.getOffsetDateTime(3),
                            r.getInt(4), members.stream().mapToInt(MemberRegistrations::confirmed).sum(),
                            members.stream().mapToInt(MemberRegistrations::waitlisted).sum(),
                            members.stream().mapToInt(MemberRegistrations::pending).sum(), members);
                });
    }
}
