package org.educommons.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.educommons.platform.i18n.Messages;
import org.educommons.platform.problem.Problem;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.Problems;

/**
 * How a caller is recognised: a bearer token on the API, a calendar token in the URL of a calendar
 * feed ({@code *.ics?token=…}), or the session created by the login form
 * ({@code SecurityContext.authenticate} with a username and password). Anonymous requests pass
 * through; application services decide what they may see.
 */
@AutoApplySession
@ApplicationScoped
public class EduCommonsAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AccessTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            var principal = tokens.verify(authorization.substring(BEARER.length()).trim());
            if (principal.isPresent()) {
                return context.notifyContainerAboutLogin(principal.get(), principal.get().groups());
            }
            return unauthorized(request, response);
        }
        String feedToken = request.getParameter("token");
        if (feedToken != null && request.getRequestURI().endsWith(".ics")) {
            // calendar clients subscribe by URL: a calendar-only token in the query
            var principal = tokens.verifyCalendarToken(feedToken);
            if (principal.isPresent()) {
                return context.notifyContainerAboutLogin(principal.get(), principal.get().groups());
            }
            return unauthorized(request, response);
        }
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            CredentialValidationResult result = identityStores.validate(context.getAuthParameters().getCredential());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.doNothing();
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response) {
        var locale = Messages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        Problem problem = Problems.of(new ProblemException(401, "invalid-token"), locale, request.getRequestURI());
        response.setStatus(401);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("WWW-Authenticate", "Bearer");
        try (Jsonb jsonb = JsonbBuilder.create()) {
            response.getWriter().write(jsonb.toJson(problem));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
