package org.educommons.platform.i18n;

import java.util.Locale;

/** A message argument that is itself translated, e.g. the name of an entity inside an error text. */
public record MessageKey(String key) implements Translatable {

    @Override
    public String in(Locale locale) {
        return Messages.get(locale, key);
    }
}
