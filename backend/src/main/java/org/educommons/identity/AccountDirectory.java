package org.educommons.identity;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.platform.api.Page;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/**
 * The caller's own account, and the accounts of the caller's tenant for its administrators. Queries
 * name the caller's tenant and row-level security enforces it again underneath.
 */
@ApplicationScoped
@TenantTransactional
public class AccountDirectory {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    /** An account as the API and UI show it; never the password hash. */
    public record AccountDetails(long id, String username, String displayName, String email, Set<Role> roles, boolean enabled,
                              Long schoolId) {
        static AccountDetails of(Account a) {
            return new AccountDetails(a.id(), a.username(), a.displayName(), a.email(), a.roles(), a.enabled(), a.schoolId());
        }
    }

    public AccountDetails me() {
        AccountPrincipal caller = tenantContext.requireCaller();
        return find(caller.tenantId(), caller.accountId());
    }

    /** Accounts of the caller's tenant, ordered by username. */
    public Page<AccountDetails> accountsOfMyTenant(String cursor, Integer limit) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        int size = Page.limit(limit);
        List<AccountDetails> accounts = em.createQuery("""
                        select a from Account a where a.tenantId = :tenant and a.username > :after order by a.username""",
                        Account.class)
                .setParameter("tenant", caller.tenantId())
                .setParameter("after", cursor == null ? "" : cursor)
                .setMaxResults(size + 1)
                .getResultList().stream().map(AccountDetails::of).toList();
        return Page.of(accounts, size, AccountDetails::username);
    }

    /** One account of the caller's tenant; other tenants' accounts do not exist for the caller. */
    public AccountDetails account(long id) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        return find(caller.tenantId(), id);
    }

    private AccountDetails find(long tenantId, long id) {
        return em.createQuery("select a from Account a where a.tenantId = :tenant and a.id = :id", Account.class)
                .setParameter("tenant", tenantId)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .map(AccountDetails::of)
                .orElseThrow(() -> ProblemException.notFound("account", id));
    }
}
