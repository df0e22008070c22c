package org.educommons.platform.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.educommons.platform.i18n.Messages;

/**
 * Problem details written straight to a servlet response, for what is refused before JAX-RS sees
 * the request (authentication, body limits): the same JSON and language as the API's own.
 */
public final class ServletProblems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ServletProblems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemException e) {
        var locale = Messages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        Problem problem = Problems.of(e, locale, request.getRequestURI());
        response.setStatus(e.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Language", locale.toLanguageTag());
        if (e.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        e.retryAfterSeconds().ifPresent(s -> response.setHeader("Retry-After", Long.toString(s)));
        try {
            response.getWriter().write(JSON.toJson(problem));
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }
}
