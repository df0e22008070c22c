package org.educommons.tenancy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.platform.database.Row;
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
        Roster roster = directory.roster(community);
        roster.requireMember(caller.tenantId());
        String only = tenant == null || tenant.isBlank() ? null : tenant.trim();
        if (only != null && roster.member(only).isEmpty()) {
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
        List<School> schools = Row.list(query, r -> new School(r.getLong(0), r.getString(1),
                new LocalizedName(r.getString(2), r.getString(3) == null ? r.getString(2) : r.getString(3))));
        return Page.of(schools, size, school -> String.valueOf(school.id()));
    }
}
