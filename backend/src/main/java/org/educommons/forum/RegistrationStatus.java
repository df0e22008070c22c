package org.educommons.forum;

/** Where a registration stands. */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, PENDING, CANCELLED, REJECTED
}
