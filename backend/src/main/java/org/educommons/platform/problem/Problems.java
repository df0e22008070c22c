package org.educommons.platform.problem;

import java.util.List;
import java.util.Locale;

import org.educommons.platform.i18n.Messages;

/** Turns a {@link ProblemException} into localised {@link Problem} details. */
public final class Problems {

    private Problems() {
    }

    public static Problem of(ProblemException e, Locale locale, String instance) {
        String key = "problem." + e.type();
        List<Problem.FieldMessage> errors = e.fieldErrors().stream()
                .map(f -> new Problem.FieldMessage(f.field(), Messages.get(locale, f.messageKey(), f.args())))
                .toList();
        return new Problem(Problem.TYPE_BASE + e.type(), Messages.get(locale, key + ".title"), e.status(),
                Messages.get(locale, key + ".detail", e.args()), instance, errors.isEmpty() ? null : errors);
    }

    /** A problem for a plain HTTP status the framework raised (unknown path, wrong method…). */
    public static Problem ofStatus(int status, Locale locale, String instance) {
        String type = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found-path";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "bad-request";
        };
        return of(new ProblemException(status, type), locale, instance);
    }
}
