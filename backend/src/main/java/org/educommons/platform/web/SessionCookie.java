package org.educommons.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;


/**
 * The session cookie of the screens: never readable by scripts, and only over TLS when the product
 * is reached over https ({@code EDUCOMMONS_PUBLIC_URL}). That it is never sent with a request
 * another site starts ({@code SameSite=Lax}) is set in the web module's {@code payara-web.xml}:
 * Payara does not write the Servlet cookie attribute into {@code Set-Cookie}. The API ignores the
 * cookie altogether (bearer tokens only). Registered in {@code web.xml}.
 */
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(WebSettings.publicUrlIsHttps());
    }
}
