package org.educommons.platform.problem;

import java.util.List;

import org.educommons.platform.i18n.MessageKey;

/**
 * A failure the caller can understand and act on. It carries a stable problem type and a message
 * key; the text is resolved in the caller's language when the problem is reported.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final Object[] args;
    private final List<FieldError> fieldErrors;
    private Long retryAfterSeconds;

    public ProblemException(int status, String type, Object... args) {
        this(status, type, List.of(), args);
    }

    public ProblemException(int status, String type, List<FieldError> fieldErrors, Object... args) {
        super(type);
        this.status = status;
        this.type = type;
        this.args = args.clone();
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** 404 for an unknown {@code what} ({@code community}, {@code tenant}, …: an {@code entity.*} message key). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", new MessageKey("entity." + what), String.valueOf(id));
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized");
    }

    /** 503: the service or its database cannot answer right now. */
    public static ProblemException unavailable() {
        return new ProblemException(503, "unavailable");
    }

    public static ProblemException forbidden() {
        return new ProblemException(403, "forbidden");
    }

    /** 429: the caller must wait {@code seconds} before trying again (sent as {@code Retry-After}). */
    public static ProblemException tooManyRequests(String type, long seconds) {
        ProblemException e = new ProblemException(429, type, seconds);
        e.retryAfterSeconds = Math.max(1, seconds);
        return e;
    }

    /** How long the caller must wait before trying again, when that is part of the problem. */
    public java.util.Optional<Long> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    /** Stable, language-independent identifier such as {@code not-found}; also the message key stem. */
    public String type() {
        return type;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One invalid input field; {@code messageKey} is resolved in the caller's language. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
