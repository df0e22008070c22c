package org.educommons.platform.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.platform.database.Row;
import org.educommons.identity.AccountPrincipal;
import org.educommons.platform.api.Page;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.i18n.Messages;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/** The signed-in person's in-app notifications (站内通知), in the language they read in. */
@ApplicationScoped
@TenantTransactional
public class Inbox {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    @Inject
    AuditTrail audit;

    /** A notification as its reader sees it. */
    public record Notification(long id, String subject, String body, OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    /** The caller's notifications, newest first, a page at a time; only unread ones when asked. */
    public Page<Notification> notifications(boolean unreadOnly, String cursor, Integer limit, Locale locale) {
        AccountPrincipal caller = tenantContext.requireCaller();
        int size = Page.limit(limit);
        List<Notification> notifications = Row.list(em.createNativeQuery("""
                        select id, message_key, args::text, created_at, read_at from notification
                         where tenant_id = ?1 and account_id = ?2 and id < ?3""" + (unreadOnly ? " and read_at is null" : "") + """

                         order by id desc""")
                .setParameter(1, caller.tenantId()).setParameter(2, caller.accountId())
                .setParameter(3, Page.longCursor(cursor, Long.MAX_VALUE))
                .setMaxResults(size + 1), r -> {
                    String key = r.getString(1);
                    Object[] args = JSON.fromJson(r.getString(2), String[].class);
                    return new Notification(r.getLong(0), Messages.get(locale, key + ".subject", args),
                            Messages.get(locale, key + ".body", args), r.getOffsetDateTime(3), r.getOffsetDateTime(4));
                });
        return Page.of(notifications, size, n -> String.valueOf(n.id()));
    }

    /** How many of the caller's notifications are unread. */
    public long unread() {
        AccountPrincipal caller = tenantContext.requireCaller();
        return Row.single(em.createNativeQuery(
                        "select count(*) from notification where tenant_id = ?1 and account_id = ?2 and read_at is null")
                .setParameter(1, caller.tenantId()).setParameter(2, caller.accountId()), r -> r.getLong(0));
    }

    /** Marks one of the caller's notifications read (404 for anyone else's); reading twice changes nothing. */
    public void markRead(long id) {
        AccountPrincipal caller = tenantContext.requireCaller();
        boolean mine = !em.createNativeQuery("select 1 from notification where tenant_id = ?1 and account_id = ?2 and id = ?3")
                .setParameter(1, caller.tenantId()).setParameter(2, caller.accountId()).setParameter(3, id)
                .getResultList().isEmpty();
        if (!mine) {
            throw ProblemException.notFound("notification", id);
        }
        int marked = em.createNativeQuery("""
                        update notification set read_at = now()
                         where tenant_id = ?1 and account_id = ?2 and id = ?3 and read_at is null""")
                .setParameter(1, caller.tenantId()).setParameter(2, caller.accountId()).setParameter(3, id)
                .executeUpdate();
        if (marked > 0) {
            audit.record("notification", id, "read", Map.of());
        }
    }

    /** Marks all the caller's notifications read; returns how many were unread. */
    public int markAllRead() {
        AccountPrincipal caller = tenantContext.requireCaller();
        int marked = em.createNativeQuery("""
                        update notification set read_at = now()
                         where tenant_id = ?1 and account_id = ?2 and read_at is null""")
                .setParameter(1, caller.tenantId()).setParameter(2, caller.accountId())
                .executeUpdate();
        if (marked > 0) {
            audit.record("notification", "all", "read", Map.of("count", marked));
        }
        return marked;
    }
}
