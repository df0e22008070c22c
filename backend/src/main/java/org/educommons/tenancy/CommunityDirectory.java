package org.educommons.tenancy;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.platform.problem.ProblemException;

/**
 * Who is in which community: the public directory of communities, their members in roster order
 * (founding members first) and tenants. Used by the API and by the community home page.
 */
@ApplicationScoped
public class CommunityDirectory {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    public List<CommunitySummary> communities() {
        return em.createQuery("""
                        select c, (select count(m) from Membership m where m.community = c)
                          from Community c order by c.foundedIn, c.slug""", Object[].class)
                .getResultList().stream()
                .map(row -> CommunitySummary.of((Community) row[0], ((Number) row[1]).intValue()))
                .toList();
    }

    public CommunityDetails community(CommunitySlug slug) {
        Roster roster = roster(slug);
        Community community = roster.community();
        List<Member> members = roster.members().stream().map(Member::of).toList();
        return new CommunityDetails(community.slug().value(), community.name(), community.foundedIn(),
                community.description(), members);
    }

    public TenantDetails tenant(TenantSlug slug) {
        Tenant tenant = em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("tenant", slug.value()));
        @SuppressWarnings("unchecked")
        List<Tenant> above = em.createNativeQuery("""
                        select t.* from tenant t join tenant_ancestry a on a.ancestor_id = t.id
                         where a.descendant_id = ?1 order by a.depth desc""", Tenant.class)
                .setParameter(1, tenant.id())
                .getResultList();
        List<TenantDetails.TenantRef> ancestors = above.stream().map(TenantDetails.TenantRef::of).toList();
        List<TenantDetails.TenantRef> children = em.createQuery(
                        "select t from Tenant t where t.parentId = :tenant order by t.slug", Tenant.class)
                .setParameter("tenant", tenant.id())
                .getResultList().stream().map(TenantDetails.TenantRef::of).toList();
        String parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1).slug();
        return new TenantDetails(tenant.slug().value(), tenant.name(), tenant.kind(), tenant.region(), parent,
                ancestors, children, memberships(tenant.id()));
    }

    /**
     * Tenants whose slug or name contains {@code filter} (any case), by slug, a window at a time: the choice of a
     * parent in the join form, among thousands of tenants at national scale.
     */
    public List<TenantDetails.TenantRef> searchTenants(String filter, int offset, int limit) {
        String like = "%" + (filter == null ? "" : filter.trim().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return em.createQuery("""
                        select t from Tenant t
                         where lower(t.slug) like :f escape '\\' or lower(t.nameZh) like :f escape '\\'
                            or lower(t.nameEn) like :f escape '\\'
                         order by t.slug""", Tenant.class)
                .setParameter("f", like)
                .setFirstResult(offset).setMaxResults(Math.min(limit, 200))
                .getResultList().stream().map(TenantDetails.TenantRef::of).toList();
    }

    /** The communities tenant {@code tenantId} belongs to, in the order it joined them. */
    public List<TenantDetails.CommunityMembership> memberships(long tenantId) {
        return em.createQuery("""
                        select m from Membership m join fetch m.community
                         where m.tenant.id = :tenant order by m.joinedYear, m.community.slug""", Membership.class)
                .setParameter("tenant", tenantId)
                .getResultList().stream()
                .map(m -> new TenantDetails.CommunityMembership(m.community().slug().value(), m.community().name(),
                        m.role(), m.secretariat(), m.joinedYear(), m.joinedOn(), m.joinedAtMeeting()))
                .toList();
    }

    /** The members of {@code community} in roster order: founding members first. */
    public Roster roster(Community community) {
        return new Roster(community, em.createQuery("""
                        select m from Membership m join fetch m.tenant
                         where m.community = :community
                         order by m.role, m.rosterPosition""", Membership.class)
                .setParameter("community", community)
                .getResultList());
    }

    /** The roster of the community {@code slug}, community and members read together; 404 when there is none. */
    public Roster roster(CommunitySlug slug) {
        List<Membership> members = membersOfCommunityWhere("c.slug", slug.value());
        return members.isEmpty() ? roster(find(slug)) : new Roster(members.get(0).community(), members);
    }

    /** The roster of the community {@code id} (one the caller has already been shown), read as one query. */
    public Roster roster(long communityId) {
        List<Membership> members = membersOfCommunityWhere("c.id", communityId);
        if (!members.isEmpty()) {
            return new Roster(members.get(0).community(), members);
        }
        Community community = em.find(Community.class, communityId);
        if (community == null) {
            throw ProblemException.notFound("community", communityId);
        }
        return roster(community);
    }

    /** Members in roster order, each with its tenant and community, of the community whose {@code key} is {@code value}. */
    private List<Membership> membersOfCommunityWhere(String key, Object value) {
        return em.createQuery("select m from Membership m join fetch m.tenant join fetch m.community c where " + key
                        + " = :value order by m.role, m.rosterPosition", Membership.class)
                .setParameter("value", value)
                .getResultList();
    }

    /** 403 unless tenant {@code tenantId} is a member of {@code community} (one query, the roster unread). */
    public void requireMember(Community community, long tenantId) {
        if (em.createNativeQuery("select 1 from community_membership where community_id = ?1 and tenant_id = ?2")
                .setParameter(1, community.id()).setParameter(2, tenantId).getResultList().isEmpty()) {
            throw ProblemException.forbidden();
        }
    }

    /** The slug of tenant {@code id}; 404 when there is none. */
    public TenantSlug slugOf(long id) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null) {
            throw ProblemException.notFound("tenant", id);
        }
        return tenant.slug();
    }

    /** The community {@code slug}; 404 when there is none. */
    public Community find(CommunitySlug slug) {
        return em.createQuery("select c from Community c where c.slug = :slug", Community.class)
                .setParameter("slug", slug.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("community", slug.value()));
    }

    /** A community in a list. */
    public record CommunitySummary(String slug, LocalizedName name, int foundedIn, int memberCount) {
        static CommunitySummary of(Community c, int memberCount) {
            return new CommunitySummary(c.slug().value(), c.name(), c.foundedIn(), memberCount);
        }
    }

    /** A community with its members in roster order. */
    public record CommunityDetails(String slug, LocalizedName name, int foundedIn, LocalizedName description,
                                   List<Member> members) {
    }

    /** One member of a community, as the community lists it. */
    public record Member(String tenant, LocalizedName name, TenantKind kind, String region, MembershipRole role,
                         boolean secretariat, int joinedYear, LocalDate joinedOn, String joinedAtMeeting) {
        static Member of(Membership m) {
            Tenant t = m.tenant();
            return new Member(t.slug().value(), t.name(), t.kind(), t.region(), m.role(), m.secretariat(),
                    m.joinedYear(), m.joinedOn(), m.joinedAtMeeting());
        }

        public boolean founding() {
            return role == MembershipRole.FOUNDING_MEMBER;
        }
    }

    /**
     * A tenant, its place in the tenant tree ({@code ancestors} from the root down to its {@code parent};
     * its {@code children}) and the communities it belongs to.
     */
    public record TenantDetails(String slug, LocalizedName name, TenantKind kind, String region, String parent,
                                List<TenantRef> ancestors, List<TenantRef> children,
                                List<CommunityMembership> communities) {
        /** Another tenant in the tree. */
        public record TenantRef(String slug, LocalizedName name, TenantKind kind) {
            static TenantRef of(Tenant t) {
                return new TenantRef(t.slug().value(), t.name(), t.kind());
            }
        }

        public record CommunityMembership(String community, LocalizedName name, MembershipRole role, boolean secretariat,
                                          int joinedYear, LocalDate joinedOn, String joinedAtMeeting) {
        }
    }
}
