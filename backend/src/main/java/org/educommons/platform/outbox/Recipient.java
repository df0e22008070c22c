package org.educommons.platform.outbox;

/**
 * Whom a notification is for: an e-mail address, an account (told in-app), or both. An account is
 * named by its tenant and id; it may belong to another tenant than the one sending.
 */
public record Recipient(String email, Long tenantId, Long accountId) {

    /** Someone known only by address, such as an applicant without an account. */
    public static Recipient email(String email) {
        return new Recipient(email, null, null);
    }

    /** An account: told in-app, and by e-mail when it has an address. */
    public static Recipient account(long tenantId, long accountId, String email) {
        return new Recipient(email, tenantId, accountId);
    }

    boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    boolean hasAccount() {
        return tenantId != null && accountId != null;
    }
}
