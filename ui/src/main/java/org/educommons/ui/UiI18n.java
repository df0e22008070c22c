package org.educommons.ui;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.vaadin.flow.i18n.I18NProvider;

import org.educommons.platform.i18n.Messages;

/** Vaadin's view of the platform's one message source ({@link Messages}). */
@ApplicationScoped
public class UiI18n implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.get(locale, key, params);
    }
}
