package org.educommons.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends due outbox messages every two seconds over SMTP ({@code educommons.mail.host}, {@code .port},
 * {@code .from}). A failure records the error and retries later with exponential backoff; due rows
 * are locked with SKIP LOCKED, so several instances never send the same message at once, and each is
 * sent and marked in a transaction of its own ({@link OutboxDelivery}), as the mail sender's own
 * database role ({@code educommons.db.mailer-user}): the application role cannot read queued mail.
 * Each message keeps one Message-ID across retries, so a receiving server can drop a duplicate. While
 * the database is away, each run fails and the next tries again: queued mail leaves once it is back.
 */
@Startup
@Singleton
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 20;

    @Inject
    OutboxDelivery delivery;

    private Session mail;
    private InternetAddress from;
    /** When the queue last became unreadable (0: it is readable). */
    private long unreachableSince;

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
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sendDue() {
        if (mail == null) {
            return;
        }
        // one transaction per message: a message marked sent stays sent, whatever happens to the next
        try {
            for (int i = 0; i < BATCH && delivery.deliverNext(mail, from); i++) {
                // next
            }
            if (unreachableSince != 0) {
                LOG.info(() -> "Outbox: the database answers again; sending resumes");
                unreachableSince = 0;
            }
        } catch (RuntimeException e) {
            // Never thrown on to the timer service: after a couple of failed runs it drops the timer for good
            // (EJB5119 "Expunging timer"), and no mail would leave this node again after a database outage of
            // a few seconds. The next run, two seconds on, tries again; one warning per outage.
            if (unreachableSince == 0) {
                unreachableSince = System.currentTimeMillis();
                LOG.warning(() -> "Outbox: cannot read the queue, trying again every two seconds: " + e.getMessage());
            }
        }
    }
}
