package org.educommons.ui;

import com.vaadin.flow.router.BeforeEnterEvent;

import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.TenantContext;
import org.educommons.ui.identity.LoginView;

/** What the members' views check on entering: someone is signed in, and the address names a record. */
public final class Routes {

    private Routes() {
    }

    /** Sends a visitor who is not signed in to the login form; returns whether it did. */
    public static boolean signInFirst(BeforeEnterEvent event, TenantContext tenantContext) {
        if (tenantContext.caller().isPresent()) {
            return false;
        }
        event.forwardTo(LoginView.class);
        return true;
    }

    /** The route's {@code year}; 404 naming {@code entity} and {@code key} when it is not a number. */
    public static int year(BeforeEnterEvent event, String entity, String key) {
        String raw = event.getRouteParameters().get("year").orElse("");
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound(entity, key + "/" + raw);
        }
    }

    /** The route's {@code id}; 404 naming {@code entity} when it is not a number. */
    public static long id(BeforeEnterEvent event, String entity) {
        String raw = event.getRouteParameters().get("id").orElse("");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound(entity, raw);
        }
    }
}
