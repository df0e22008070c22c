package org.educommons.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ServletProblems;

/**
 * Headers on every response, and the API's body limit. The screens' Content-Security-Policy is the
 * strictest that Vaadin Flow runs under (its bootstrap is inline and {@code executeJs} evaluates
 * scripts, hence {@code 'unsafe-inline' 'unsafe-eval'}; everything loads from this origin only, no
 * framing, forms post only here); the API's allows nothing at all to run. An API body over the
 * limit ({@code educommons.api.max-body-bytes}, 1 MiB by default) answers 413 before it is read.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String SCREENS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private boolean https;
    private long maxBody;

    @Override
    public void init() {
        https = WebSettings.publicUrlIsHttps();
        maxBody = WebSettings.maxBody();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", api ? API_POLICY : SCREENS_POLICY);
        if (https || request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (api) {
            if (request.getContentLengthLong() > maxBody) {
                // the body is never read: end the connection instead of waiting for it
                response.setHeader("Connection", "close");
                ServletProblems.write(request, response, new ProblemException(413, "body-too-large", String.valueOf(maxBody / 1024)));
                response.flushBuffer(); // answer now, not once the body (which nobody reads) has arrived
                return;
            }
            chain.doFilter(new LimitedBodyRequest(request, maxBody), response);
            return;
        }
        chain.doFilter(request, response);
    }
}
