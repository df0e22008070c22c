package org.educommons.ui.membership;

import java.util.List;

import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import org.educommons.membership.JoinApplications;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.ui.MainLayout;
import org.educommons.ui.identity.LoginView;

/**
 * The page a new member's first administrator reaches from the approval mail
 * ({@code invitation?token=…}): they choose a password, once, before the link expires.
 */
@Route(value = "invitation", layout = MainLayout.class)
public class InvitationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final JoinApplications applications;

    @Inject
    public InvitationView(JoinApplications applications) {
        this.applications = applications;
        setMaxWidth("32em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of("")).get(0);
        removeAll();
        add(new H2(getPageTitle()), new Paragraph(getTranslation("invitation.intro")));
        PasswordField password = new PasswordField(getTranslation("invitation.password"));
        password.setId("invitation-password");
        password.setHelperText(getTranslation("invitation.password-hint"));
        password.setWidthFull();
        PasswordField again = new PasswordField(getTranslation("invitation.password-again"));
        again.setId("invitation-password-again");
        again.setWidthFull();
        Button accept = new Button(getTranslation("invitation.submit"), e -> {
            if (!password.getValue().equals(again.getValue())) {
                throw new ProblemException(400, "invalid-input",
                        List.of(new FieldError("password", "validation.passwords-differ")));
            }
            String username = applications.acceptInvitation(token, password.getValue());
            removeAll();
            Paragraph done = new Paragraph(getTranslation("invitation.accepted", username));
            done.setId("invitation-accepted");
            RouterLink signIn = new RouterLink(getTranslation("nav.login"), LoginView.class);
            signIn.setId("invitation-sign-in");
            add(new H2(getPageTitle()), done, signIn);
        });
        accept.setId("invitation-submit");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(password, again, accept);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.title");
    }
}
