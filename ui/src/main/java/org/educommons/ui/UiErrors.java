package org.educommons.ui;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;

import org.educommons.platform.problem.Problem;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.Problems;

/**
 * What a user sees when an action on a screen fails (a click, a form): the same localised message
 * the API gives, as a notification; an unexpected failure gets an incident number and is logged.
 * Navigation failures are {@link ErrorView}'s.
 */
@ApplicationScoped
public class UiErrors implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(UiErrors.class.getName());

    void install(@Observes ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        ProblemException problem = problemIn(event.getThrowable());
        String message;
        if (problem != null && ui != null) {
            Problem details = Problems.of(problem, ui.getLocale(), null);
            StringBuilder text = new StringBuilder(details.detail());
            if (details.errors() != null) {
                details.errors().forEach(e -> text.append(' ').append(e.message()).append('。'));
            }
            message = ui.getTranslation("error.notification", text.toString());
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Action failed, incident " + incident, event.getThrowable());
            if (ui == null) {
                return;
            }
            message = ui.getTranslation("error.message", incident);
        }
        Notification notification = new Notification(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("error-notification");
        if (problem != null && problem.status() == 412) {
            // someone else changed what the screen shows: say so, and offer the current version
            Button reload = new Button(ui.getTranslation("error.reload"), e -> ui.getPage().reload());
            reload.setId("reload-after-conflict");
            Button close = new Button(ui.getTranslation("error.close"), e -> notification.close());
            notification.removeAll();
            notification.add(new HorizontalLayout(new Span(message), reload, close));
            notification.setDuration(0);
        }
        notification.open();
    }

    private static ProblemException problemIn(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }
}
