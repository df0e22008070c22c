package org.educommons.ui;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;

import jakarta.servlet.http.HttpServletResponse;

import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.Problems;
import org.educommons.ui.tenancy.CommunitiesView;

/**
 * What a user sees when a view fails: a short message in their language, with an incident number
 * for unexpected failures (logged with its stack trace, which is never shown).
 */
@ParentLayout(MainLayout.class)
public class ErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("ec-page");
        Exception e = parameter.getException();
        if (e instanceof ProblemException problem) {
            var details = Problems.of(problem, getLocale(), null);
            RouterLink home = new RouterLink(getTranslation("error.home"), CommunitiesView.class);
            home.setId("error-home");
            add(new H2(details.title()), new Paragraph(details.detail()), home);
            return problem.status();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "View failed, incident " + incident, e);
        add(new H2(getTranslation("error.title")), new Paragraph(getTranslation("error.message", incident)));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
