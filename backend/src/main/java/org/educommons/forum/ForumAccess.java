package org.educommons.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.TenantContext;

/**
 * Who may do what with a forum, said once. Seeing a forum at all is row-level security's
 * ({@link ForumRepository#visible}); this decides the rest.
 */
@ApplicationScoped
public class ForumAccess {

    @Inject
    TenantContext tenantContext;

    @Inject
    ForumRepository repository;

    /** Whether {@code caller} is an admin of the tenant that hosts {@code forum}. */
    static boolean hosts(Forum forum, AccountPrincipal caller) {
        return forum.hostTenantId() == caller.tenantId() && caller.has(Role.TENANT_ADMIN);
    }

    /** The forum {@code id}, for an admin of its host; 403 for anybody else who can see it. */
    Forum hosted(long id) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Forum forum = repository.visible(id);
        if (!hosts(forum, caller)) {
            throw ProblemException.forbidden();
        }
        return forum;
    }

    /** What {@code caller}, who can see {@code forum}, may do with it. */
    static ForumPermissions of(Forum forum, AccountPrincipal caller) {
        return new ForumPermissions(hosts(forum, caller), caller.has(Role.PRINCIPAL), caller.has(Role.TENANT_ADMIN));
    }
}
