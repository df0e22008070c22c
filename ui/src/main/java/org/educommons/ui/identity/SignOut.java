package org.educommons.ui.identity;

import jakarta.servlet.ServletException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;

/** Ends the sign-in: container logout, the HTTP session discarded, back to the start page. */
public final class SignOut {

    private SignOut() {
    }

    public static void now() {
        UI ui = UI.getCurrent();
        try {
            VaadinServletRequest.getCurrent().getHttpServletRequest().logout();
        } catch (ServletException e) {
            // the session is invalidated below either way
        }
        ui.getPage().setLocation("/");
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
