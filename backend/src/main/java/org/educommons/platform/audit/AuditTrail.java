package org.educommons.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.educommons.platform.database.Row;
import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.api.JsonProcessing;
import org.educommons.platform.api.Page;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/**
 * Records every write — who, which tenant, when, which entity, what changed (before and after of the
 * changed fields) — in the transaction of the write itself, so the entry exists exactly when the
 * change does. The application role can only add entries; reading goes through the owner's
 * {@code audit_entries()} function, which returns the caller's tenant only.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    /** One entry as the API shows it. */
    public record Entry(long id, OffsetDateTime at, String actor, String entity, String entityId, String action,
                        JsonObject changes) {
    }

    /**
     * Adds an entry for the signed-in caller's tenant. Must run inside the caller's transaction.
     *
     * @param changes field → [before, after], or any other description of the change
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, Object entityId, String action, Map<String, ?> changes) {
        AccountPrincipal actor = tenantContext.requireCaller();
        em.createNativeQuery("""
                        insert into audit_entry (tenant_id, actor, entity, entity_id, action, changes)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))""")
                .setParameter(1, actor.tenantId())
                .setParameter(2, actor.username())
                .setParameter(3, entity)
                .setParameter(4, String.valueOf(entityId))
                .setParameter(5, action)
                .setParameter(6, JSON.toJson(changes))
                .executeUpdate();
    }

    /** The caller's tenant's entries, newest first; tenant admins only. */
    @TenantTransactional
    public Page<Entry> entries(String cursor, Integer limit) {
        tenantContext.requireRole(Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        int size = Page.limit(limit);
        long before = Page.longCursor(cursor, Long.MAX_VALUE);
        List<Entry> entries = Row.list(em.createNativeQuery(
                        "select id, at, actor, entity, entity_id, action, changes::text from audit_entries(?1, ?2)")
                .setParameter(1, before)
                .setParameter(2, size + 1), r -> new Entry(r.getLong(0), r.getOffsetDateTime(1), r.getString(2), r.getString(3),
                r.getString(4), r.getString(5), JsonProcessing.object(r.getString(6))));
        return Page.of(entries, size, e -> String.valueOf(e.id()));
    }
}
