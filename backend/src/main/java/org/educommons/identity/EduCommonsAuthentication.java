package org.educommons.identity;

import java.io.IOException;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.web.ClientAddress;
import org.educommons.platform.problem.ServletProblems;

/**
 * How a caller is recognised, and where each kind of proof counts:
 * <ul>
 * <li>the API ({@code /api/…}) knows bearer tokens only: a session cookie is ignored there, so a page
 *     on another site cannot make a signed-in browser act through the API, and no API call creates
 *     a session;</li>
 * <li>a calendar token ({@code ?token=…}, long-lived, pasted into third-party calendar services)
 *     opens exactly the calendar feeds it was made for ({@link #FEED}) with {@code GET}, and nothing
 *     else; it creates no session either;</li>
 * <li>the screens know the session that the sign-in form creates ({@code SecurityContext.authenticate}
 *     with a username and password), and nothing else makes one.</li>
 * </ul>
 * Anonymous requests pass through; application services decide what they may see. A sign-in that
 * is throttled answers 429, and a fault while authenticating an API call answers 503, both as
 * problem details.
 */
@ApplicationScoped
public class EduCommonsAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(EduCommonsAuthentication.class.getName());
    private static final String BEARER = "Bearer ";
    private static final String API = "/api/";
    /** The feeds a calendar token opens: the raw request path, no matrix parameters, no escapes. */
    static final Pattern FEED = Pattern.compile(
            "/api/v1/(communities/[a-z0-9][a-z0-9-]{0,62}|forums/[0-9]{1,18})/calendar\\.ics");
    private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";

    @Inject
    SignIns signIns;

    @Inject
    ClientAddress clientAddress;

    @Inject
    AccessTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (path.startsWith(API)) {
                return api(request, response, context, path);
            }
            return screens(request, response, context);
        } catch (ProblemException e) {
            return problem(request, response, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Authentication failed with a fault", e);
            return problem(request, response, new ProblemException(503, "unavailable"));
        }
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                     String path) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            var principal = tokens.verify(authorization.substring(BEARER.length()).trim());
            if (principal.isEmpty()) {
                return problem(request, response, new ProblemException(401, "invalid-token"));
            }
            return context.notifyContainerAboutLogin(principal.get(), principal.get().groups());
        }
        String feedToken = request.getParameter("token");
        if (feedToken != null) {
            if (!"GET".equals(request.getMethod()) || !FEED.matcher(path).matches()) {
                // a calendar token opens calendar feeds only: anywhere else it is refused, not ignored
                return problem(request, response, new ProblemException(401, "invalid-token"));
            }
            var principal = tokens.verifyCalendarToken(feedToken);
            if (principal.isEmpty()) {
                return problem(request, response, new ProblemException(401, "invalid-token"));
            }
            return context.notifyContainerAboutLogin(principal.get(), principal.get().groups());
        }
        return context.doNothing();
    }

    private AuthenticationStatus screens(HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential()
                instanceof UsernamePasswordCredential credential) {
            var principal = signIns.signIn(credential.getCaller(), credential.getPasswordAsString(),
                    clientAddress.of(request), "form");
            // only the sign-in form makes a session, under a new id (no session fixation)
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            context.getMessageInfo().getMap().put(REGISTER_SESSION, Boolean.TRUE.toString());
            return context.notifyContainerAboutLogin(principal, principal.groups());
        }
        Principal session = request.getUserPrincipal();
        if (session != null) {
            // the account signed in on the form earlier in this session
            try {
                context.getHandler().handle(new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), session)});
            } catch (IOException | UnsupportedCallbackException e) {
                throw new IllegalStateException(e);
            }
            return AuthenticationStatus.SUCCESS;
        }
        return context.doNothing();
    }

    private static AuthenticationStatus problem(HttpServletRequest request, HttpServletResponse response,
                                                ProblemException e) {
        if (!request.getRequestURI().substring(request.getContextPath().length()).startsWith(API)) {
            // on the screens the sign-in form shows what went wrong
            request.setAttribute(SignIns.FAILURE, e);
            return AuthenticationStatus.SEND_FAILURE;
        }
        ServletProblems.write(request, response, e);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
