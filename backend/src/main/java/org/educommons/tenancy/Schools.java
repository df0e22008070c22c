package org.educommons.tenancy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.identity.AccountPrincipal;
import org.educommons.platform.api.Page;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;

/**
 * The schools (学校) of a community's members, as fellow members see them when they set up joint
 * activities and school pairs. Row-level security lets a tenant read the schools of tenants it
 * shares a community with, and no others.
 */
@ApplicationScoped
@TenantTransactional
public class Schools {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    @Inject
    CommunityDirectory directory;

    /** A school of a member. */
    public record School(long id, String tenant, LocalizedName name) {
    }

    /** The members' schools by id, or one member's ({@code tenant}), a page at a time; members only. */
    public Page<School> schools(CommunitySlug communitySlug, String tenant, String cursor, Integer limit) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Community community = directory.find(communitySlug);
        List<Membership> roster = directory.roster(community);
        if (roster.stream().noneMatch(m -> m.tenant().id() == caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        String only = tenant == null || tenant.isBlank() ? null : tenant.trim();
        if (only != null && roster.stream().noneMatch(m -> m.tenant().slug().value().equals(only))) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("tenant", "validation.not-a-member", only)));
        }
        int size = Page.limit(limit);
        var query = em.createNativeQuery("""
                        select s.id, t.slug, s.name_zh, s.name_en
                          from school s
                          join tenant t on t.id = s.tenant_id
                          join community_membership m on m.tenant_id = s.tenant_id and m.community_id = ?1
                         where s.id > ?2""" + (only == null ? "" : " and t.slug = ?3") + " order by s.id")
                .setParameter(1, community.id()).setParameter(2, Page.longCursor(cursor, 0))
                .setMaxResults(size + 1);
        if (only != null) {
            query.setParameter(3, only);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.of(rows.stream().map(r -> new School(((Number) r[0]).longValue(), (String) r[1],
                new LocalizedName((String) r[2], r[3] == null ? (String) r[2] : (String) r[3]))).toList(),
                size, school -> String.valueOf(school.id()));
    }
}
