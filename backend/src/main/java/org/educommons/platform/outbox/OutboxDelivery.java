package org.educommons.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.educommons.platform.database.DatabaseConfiguration;

/**
 * Sends one due outbox message and records the outcome, in a local transaction of its own on the
 * mail sender's data source: only the sender's role may read every tenant's queued mail, so the
 * application role's connections never see it.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    @Resource(lookup = DatabaseConfiguration.MAIL_DATA_SOURCE)
    DataSource mailDataSource;

    /** Sends the next due message, if there is one; returns whether there was. */
    public boolean deliverNext(Session mail, InternetAddress from) {
        try (Connection c = mailDataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean delivered = deliverNext(c, mail, from);
                c.commit();
                return delivered;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox delivery failed: " + e.getMessage(), e);
        }
    }

    private static boolean deliverNext(Connection c, Session mail, InternetAddress from) throws SQLException {
        long id;
        int attempts;
        String recipient;
        String subject;
        String body;
        try (PreparedStatement due = c.prepareStatement("select id, recipient, subject, body, attempts from outbox_due(1)");
             ResultSet r = due.executeQuery()) {
            if (!r.next()) {
                return false;
            }
            id = r.getLong(1);
            recipient = r.getString(2);
            subject = r.getString(3);
            body = r.getString(4);
            attempts = r.getInt(5);
        }
        try {
            send(mail, from, id, recipient, subject, body);
            try (PreparedStatement sent = c.prepareStatement("select outbox_sent(?)")) {
                sent.setLong(1, id);
                sent.executeQuery().close();
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warning(() -> "Outbox message " + id + " not sent (attempt " + (attempts + 1) + "): " + e);
            try (PreparedStatement failed = c.prepareStatement("select outbox_failed(?, ?)")) {
                failed.setLong(1, id);
                failed.setString(2, String.valueOf(e.getMessage()));
                failed.executeQuery().close();
            }
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
