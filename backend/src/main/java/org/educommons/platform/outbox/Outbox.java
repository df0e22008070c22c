package org.educommons.platform.outbox;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.educommons.platform.database.Row;
import org.educommons.platform.i18n.Messages;
import org.educommons.tenancy.TenantContext;

/**
 * Queues a notification in the caller's transaction: it is delivered only if the change commits.
 * An e-mail is rendered now, Chinese first with the English below, and sent later by
 * {@link OutboxSender} (a mail server that is down only delays it); an in-app notification keeps
 * the message key and arguments, so its reader sees it in their own language ({@link Inbox}).
 */
@ApplicationScoped
public class Outbox {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    /**
     * Queues the message {@code key} ({@code key.subject} / {@code key.body} in the bundles) for
     * {@code to}: by e-mail when it has an address, in-app when it is an account.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(Recipient to, String key, Object... args) {
        Long sender = tenantContext.tenantId().orElse(null);
        if (to.hasEmail()) {
            enqueueMail(sender, to.email(), key, false, args);
        }
        if (to.hasAccount() && sender != null) {
            List<String> texts = Arrays.stream(args).map(String::valueOf).toList();
            em.createNativeQuery("""
                            insert into notification (tenant_id, account_id, sender_tenant_id, message_key, args)
                            values (?1, ?2, ?3, ?4, cast(?5 as jsonb))""")
                    .setParameter(1, to.tenantId()).setParameter(2, to.accountId()).setParameter(3, sender)
                    .setParameter(4, key).setParameter(5, JSON.toJson(texts))
                    .executeUpdate();
        }
    }

    /**
     * Queues an e-mail that carries a secret (a single-use link) for {@code email} only: no in-app
     * copy, and its stored body is erased once it has been sent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mailSecret(String email, String key, Object... args) {
        enqueueMail(tenantContext.tenantId().orElse(null), email, key, true, args);
    }

    private void enqueueMail(Long sender, String email, String key, boolean holdsSecret, Object... args) {
        em.createNativeQuery("""
                        insert into outbox_message (tenant_id, recipient, subject, body, holds_secret)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, sender)
                .setParameter(2, email.trim())
                .setParameter(3, bilingual(key + ".subject", " / ", args))
                .setParameter(4, bilingual(key + ".body", "\n\n----\n\n", args))
                .setParameter(5, holdsSecret)
                .executeUpdate();
    }

    /** Queues the message {@code key} for every administrator of {@code tenantId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyAdmins(long tenantId, String key, Object... args) {
        List<Recipient> admins = Row.list(em.createNativeQuery("select account_id, email from identity_tenant_admins(?1)")
                .setParameter(1, tenantId), r -> Recipient.account(tenantId, r.getLong(0), r.getString(1)));
        for (Recipient admin : admins) {
            notify(admin, key, args);
        }
    }

    /** A message as mail carries it (Chinese first, English below) and its arguments as the inbox keeps them. */
    public record Rendered(String subject, String body, String argsJson) {
    }

    /**
     * Renders {@code key} for someone the caller may not know, for the database to send: an
     * argument may be a marker that the database replaces with what only it knows (a name).
     */
    public static Rendered render(String key, Object... args) {
        return new Rendered(bilingual(key + ".subject", " / ", args), bilingual(key + ".body", "\n\n----\n\n", args),
                JSON.toJson(Arrays.stream(args).map(String::valueOf).toList()));
    }

    private static String bilingual(String key, String separator, Object... args) {
        return Messages.get(Messages.CHINESE, key, args) + separator + Messages.get(Locale.ENGLISH, key, args);
    }
}
