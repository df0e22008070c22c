package org.educommons.ui.identity;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;
import org.educommons.identity.SignIns;
import org.educommons.platform.i18n.Messages;
import org.educommons.platform.problem.ProblemException;
import org.educommons.ui.MainLayout;

/**
 * The sign-in form. Credentials go to Jakarta Security ({@link SecurityContext#authenticate}), which
 * checks them against the account store and keeps the sign-in in the HTTP session.
 */
@Route(value = "login", layout = MainLayout.class)
public class LoginView extends VerticalLayout implements HasDynamicTitle {

    private final SecurityContext securityContext;
    private final LoginForm form = new LoginForm();

    @Inject
    public LoginView(SecurityContext securityContext) {
        this.securityContext = securityContext;
        setAlignItems(Alignment.CENTER);
        form.setI18n(i18n());
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(e -> signIn(e.getUsername(), e.getPassword()));
        add(form);
        if (ConfigProvider.getConfig().getOptionalValue("educommons.demo", Boolean.class).orElse(false)) {
            // the public demo password is shown only where the demo accounts exist
            Paragraph hint = new Paragraph(getTranslation("login.demo-hint"));
            hint.setId("login-demo-hint");
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            add(hint);
        }
    }

    private void signIn(String username, String password) {
        AuthenticationStatus status = securityContext.authenticate(
                VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username.trim(), new Password(password)))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            // a full page load so that every part of the layout shows the signed-in account; home is the workbench
            getUI().ifPresent(ui -> ui.getPage().setLocation("/workbench"));
        } else {
            LoginI18n i18n = i18n();
            if (VaadinServletRequest.getCurrent().getHttpServletRequest().getAttribute(SignIns.FAILURE)
                    instanceof ProblemException refused && refused.status() == 429) {
                i18n.getErrorMessage().setTitle(Messages.get(getLocale(), "problem.too-many-sign-ins.title"));
                i18n.getErrorMessage().setMessage(Messages.get(getLocale(), "problem.too-many-sign-ins.detail",
                        refused.retryAfterSeconds().orElse(60L).toString()));
            }
            form.setI18n(i18n);
            form.setError(true);
            form.setEnabled(true);
        }
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
