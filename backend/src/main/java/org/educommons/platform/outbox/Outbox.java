package org.educommons.platform.outbox;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.educommons.platform.i18n.Messages;
import org.educommons.tenancy.TenantContext;

/**
 * Queues a notification in the caller's transaction: it is sent only if the change commits, and a
 * mail server that is down only delays it. Texts come from the message bundles, Chinese first with
 * the English below.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    /**
     * Queues the message {@code key} ({@code key.subject} / {@code key.body} in the bundles) for
     * {@code recipient}; nothing happens without an address.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(String recipient, String key, Object... args) {
        if (recipient == null || recipient.isBlank()) {
            return;
        }
        em.createNativeQuery("insert into outbox_message (tenant_id, recipient, subject, body) values (?1, ?2, ?3, ?4)")
                .setParameter(1, tenantContext.tenantId().orElse(null))
                .setParameter(2, recipient.trim())
                .setParameter(3, bilingual(key + ".subject", " / ", args))
                .setParameter(4, bilingual(key + ".body", "\n\n----\n\n", args))
                .executeUpdate();
    }

    private static String bilingual(String key, String separator, Object... args) {
        return Messages.get(Messages.CHINESE, key, args) + separator + Messages.get(Locale.ENGLISH, key, args);
    }
}
