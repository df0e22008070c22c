package org.educommons.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.servlet.http.Cookie;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

import org.educommons.platform.i18n.Messages;

/**
 * The UI's language: Simplified Chinese unless the user chose English, remembered in a cookie so
 * it survives sign-in, sign-out and the next visit.
 */
public class Language {

    static final String COOKIE = "educommons-lang";

    /** Every new UI starts in the remembered language, or Chinese. */
    void onServiceInit(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(remembered().orElse(Messages.CHINESE)));
    }

    /** Switches the whole UI to {@code locale} and remembers the choice. */
    public static void switchTo(Locale locale) {
        Locale chosen = Messages.supported(locale);
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        VaadinSession.getCurrent().setLocale(chosen);
        UI ui = UI.getCurrent();
        ui.setLocale(chosen);
        ui.getPage().reload();
    }

    static Optional<Locale> remembered() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> Messages.supported(Locale.forLanguageTag(c.getValue())))
                .findFirst();
    }
}
