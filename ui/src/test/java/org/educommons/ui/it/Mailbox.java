package org.educommons.ui.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

/** What reached the test mail server (GreenMail): where a new administrator's invitation link is read. */
final class Mailbox {

    private static final Pattern INVITATION = Pattern.compile("invitation\\?token=([A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    /**
     * The invitation token in the approval mail to {@code recipient} that names {@code applicant},
     * once the outbox has sent it (waits up to 30 seconds).
     */
    static String invitationToken(String recipient, String applicant) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : TestServer.smtp().getReceivedMessages()) {
                boolean toRecipient = Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
                String body = String.valueOf(m.getContent());
                Matcher token = INVITATION.matcher(body);
                if (toRecipient && body.contains(applicant) && token.find()) {
                    return token.group(1);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no approval mail with an invitation link for " + applicant + " reached " + recipient);
    }
}
