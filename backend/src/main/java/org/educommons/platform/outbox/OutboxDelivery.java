package org.educommons.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Sends one due outbox message and records the outcome, in a transaction of its own. */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    /** Sends the next due message, if there is one; returns whether there was. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliverNext(Session mail, InternetAddress from) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select id, recipient, subject, body, attempts from outbox_due(1)")
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Object[] m = due.get(0);
        long id = ((Number) m[0]).longValue();
        try {
            send(mail, from, id, (String) m[1], (String) m[2], (String) m[3]);
            em.createNativeQuery("select outbox_sent(?1)").setParameter(1, id).getSingleResult();
        } catch (MessagingException | RuntimeException e) {
            LOG.warning(() -> "Outbox message " + id + " not sent (attempt " + (((Number) m[4]).intValue() + 1) + "): " + e);
            em.createNativeQuery("select outbox_failed(?1, ?2)").setParameter(1, id)
                    .setParameter(2, String.valueOf(e.getMessage())).getSingleResult();
        }
        return true;
    }

    private static void send(Session mail, InternetAddress from, long id, String recipient, String subject, String body)
            throws MessagingException {
        MimeMessage message = new MimeMessage(mail) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<outbox-" + id + "@educommons>");
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        Transport.send(message);
    }
}
