package org.educommons.platform.api;

import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.educommons.platform.problem.Problem;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.Problems;

/**
 * The API's one exception-to-problem mapping: every failure leaves as {@code application/problem+json}
 * in the caller's language; unexpected failures are logged with an incident id and never show a
 * stack trace.
 */
@Provider
public class ProblemResponses implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        return respond(thrown, headers, uriInfo);
    }

    static Response respond(Throwable thrown, HttpHeaders headers, UriInfo uriInfo) {
        Locale locale = RequestLocale.of(headers);
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        Problem problem = problemFor(thrown, locale, instance);
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(problem);
        if (unwrap(thrown) instanceof ProblemException p) {
            p.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        }
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, 5);
        }
        if (problem.status() == 413) {
            // the rest of the body is never read: end the connection instead of waiting for it
            response.header("Connection", "close");
        }
        return response.build();
    }

    /** The problem details for a failure, in {@code locale}. */
    static Problem problemFor(Throwable thrown, Locale locale, String instance) {
        return toProblem(unwrap(thrown), locale, instance);
    }

    private static Problem toProblem(Throwable t, Locale locale, String instance) {
        if (t instanceof ProblemException p) {
            return Problems.of(p, locale, instance);
        }
        if (t instanceof ConstraintViolationException cve) {
            return Problems.of(ValidationProblems.from(cve), locale, instance);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.educommons.platform.web.BodyTooLargeException large) {
                return Problems.of(new ProblemException(413, "body-too-large", String.valueOf(large.limit() / 1024)), locale, instance);
            }
        }
        if (t instanceof JsonbException || t instanceof ProcessingException || t instanceof jakarta.json.JsonException) {
            // the request body could not be read as the JSON the endpoint expects
            return Problems.of(new ProblemException(400, "malformed-body"), locale, instance);
        }
        if (t instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            if (wae.getCause() instanceof JsonbException) {
                return Problems.of(new ProblemException(400, "malformed-body"), locale, instance);
            }
            return Problems.ofStatus(wae.getResponse().getStatus(), locale, instance);
        }
        if (causedBy(t, jakarta.persistence.OptimisticLockException.class)) {
            // someone else changed the record between the caller's check and this write
            return Problems.of(new ProblemException(412, "precondition-failed"), locale, instance);
        }
        String sqlState = sqlState(t);
        if (sqlState != null && sqlState.startsWith("22")) {
            // a data exception: a value the database cannot take (out of range, not a valid text or date)
            LOG.info(() -> "Value refused by the database (" + sqlState + ") at " + instance);
            return Problems.ofStatus(400, locale, instance);
        }
        if (sqlState != null && CONFLICTS.contains(sqlState)) {
            // a rule of the database refused a write that raced another (or repeated it): no harm done
            LOG.info(() -> "Conflicting write refused by the database (" + sqlState + ") at " + instance);
            return Problems.of(new ProblemException(409, "conflict"), locale, instance);
        }
        if (databaseUnreachable(t)) {
            // the database is down or restarting: say so at once, the client may retry shortly
            LOG.warning(() -> "Database unavailable at " + instance + ": " + t);
            return Problems.of(ProblemException.unavailable(), locale, instance);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident + " at " + instance, t);
        return Problems.of(new ProblemException(500, "internal", incident), locale, instance);
    }

    /**
     * Whether {@code t} says the database cannot be reached: a connection failure (SQLState class
     * 08), a server shutting down or starting (57P01–57P03), or a pool that could not hand out a
     * connection.
     */
    static boolean databaseUnreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (c instanceof java.net.ConnectException
                    || c.getClass().getName().equals("jakarta.resource.spi.ResourceAllocationException")
                    || c.getClass().getName().equals("com.sun.appserv.connectors.internal.api.PoolingException")) {
                return true;
            }
        }
        return false;
    }

    /** Unique, check and exclusion violations, serialization failures and deadlocks. */
    private static final java.util.Set<String> CONFLICTS = java.util.Set.of("23505", "23514", "23P01", "40001", "40P01");

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c) || c.getClass().getName().equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof jakarta.ejb.EJBException || current instanceof jakarta.transaction.RollbackException
                || current.getClass().getName().equals("jakarta.transaction.TransactionalException"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
