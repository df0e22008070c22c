package org.educommons.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends due outbox messages every two seconds over SMTP ({@code educommons.mail.host}, {@code .port},
 * {@code .from}). A failure records the error and retries later with exponential backoff; due rows
 * are locked with SKIP LOCKED, so several instances never send the same message at once. Each
 * message keeps one Message-ID across retries, so a receiving server can drop a duplicate.
 */
@Startup
@Singleton
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 20;

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    private Session mail;
    private InternetAddress from;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        Optional<String> host = config.getOptionalValue("educommons.mail.host", String.class);
        if (host.isEmpty() || host.get().isBlank()) {
            LOG.warning("educommons.mail.host is not set: notifications stay in the outbox until it is");
            return;
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", host.get());
        props.put("mail.smtp.port", config.getOptionalValue("educommons.mail.port", String.class).orElse("25"));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        mail = Session.getInstance(props);
        try {
            from = new InternetAddress(config.getOptionalValue("educommons.mail.from", String.class)
                    .orElse("noreply@educommons.invalid"), "教育共同体协作平台 EduCommons", StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void sendDue() {
        if (mail == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select id, recipient, subject, body, attempts from outbox_due(?1)")
                .setParameter(1, BATCH).getResultList();
        for (Object[] m : due) {
            long id = ((Number) m[0]).longValue();
            try {
                send(id, (String) m[1], (String) m[2], (String) m[3]);
                em.createNativeQuery("select outbox_sent(?1)").setParameter(1, id).getSingleResult();
            } catch (MessagingException | RuntimeException e) {
                LOG.warning(() -> "Outbox message " + id + " not sent (attempt " + (((Number) m[4]).intValue() + 1) + "): " + e);
                em.createNativeQuery("select outbox_failed(?1, ?2)").setParameter(1, id)
                        .setParameter(2, String.valueOf(e.getMessage())).getSingleResult();
            }
        }
    }

    private void send(long id, String recipient, String subject, String body) throws MessagingException {
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
