package org.educommons.forum;

/**
 * What the caller may do with a forum, as the backend decides it, so that screens ask instead of
 * deciding again: {@code manage} (the host's admins: edit, agenda, decisions, check-in, every
 * registration), {@code registerSelf} (a principal of a member), {@code registerOthers} (a member's
 * admin, for its own principals). Whether registration is open now is {@link ForumDetails#registrationOpen()}.
 */
public record ForumPermissions(boolean manage, boolean registerSelf, boolean registerOthers) {
}
