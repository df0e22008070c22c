package org.educommons.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;

import jakarta.servlet.http.HttpServletResponse;

import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.Problems;
import org.educommons.ui.tenancy.CommunitiesView;

/**
 * An address with no screen: "not found" in the user's language, in the product's frame, with the way
 * back to the start (instead of Vaadin's developer message, in English, listing the routes).
 */
@ParentLayout(MainLayout.class)
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("ec-page");
        var details = Problems.of(new ProblemException(HttpServletResponse.SC_NOT_FOUND, "not-found-path"), getLocale(), null);
        RouterLink home = new RouterLink(getTranslation("error.home"), CommunitiesView.class);
        home.setId("not-found-home");
        add(new H2(details.title()), new Paragraph(details.detail()), home);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
