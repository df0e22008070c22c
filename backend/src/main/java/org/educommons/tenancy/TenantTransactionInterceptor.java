package org.educommons.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sets the transaction's tenant for row-level security. Runs inside the transaction that
 * {@code @Transactional} opened (it has a later priority), so the setting is transaction-local
 * and never leaks to the next user of the pooled connection.
 */
@TenantTransactional
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantTransactionInterceptor {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    @AroundInvoke
    Object bindTenant(InvocationContext invocation) throws Exception {
        String tenant = tenantContext.tenantId().map(String::valueOf).orElse("");
        em.createNativeQuery("select set_config('app.tenant_id', ?1, true)")
                .setParameter(1, tenant)
                .getSingleResult();
        return invocation.proceed();
    }
}
