package org.educommons.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;


/**
 * The session cookie of the screens: never readable by scripts, never sent with a request another
 * site starts ({@code SameSite=Lax}), and only over TLS when the product is reached over https
 * ({@code EDUCOMMONS_PUBLIC_URL}). The API ignores it altogether (bearer tokens only).
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(WebSettings.publicUrlIsHttps());
    }
}
