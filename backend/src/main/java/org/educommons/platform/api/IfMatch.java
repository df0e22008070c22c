package org.educommons.platform.api;

import jakarta.ws.rs.core.HttpHeaders;

import org.educommons.platform.problem.ProblemException;

/**
 * The version of a record the caller last saw ({@code If-Match} on the API, the version a screen
 * shows). Read only once the service has decided the caller may act at all, so that a caller who
 * may not gets 401/403/404 and never learns about preconditions first.
 */
public final class IfMatch {

    private final String raw;

    private IfMatch(String raw) {
        this.raw = raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** The request's {@code If-Match}, unread. */
    public static IfMatch of(HttpHeaders headers) {
        return new IfMatch(headers.getHeaderString(HttpHeaders.IF_MATCH));
    }

    /** The version a screen shows. */
    public static IfMatch version(int version) {
        return new IfMatch(String.valueOf(version));
    }

    /** The version; 428 without one, 412 when it cannot be a version of ours. */
    public int required() {
        if (raw == null) {
            throw new ProblemException(428, "precondition-required");
        }
        String tag = raw.startsWith("W/") ? raw.substring(2) : raw;
        try {
            return Integer.parseInt(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "precondition-failed");
        }
    }

    /** The version where a transition accepts one: null without it, 412 when it cannot be ours. */
    public Integer optional() {
        return raw == null ? null : required();
    }
}
