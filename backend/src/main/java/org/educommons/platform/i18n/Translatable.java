package org.educommons.platform.i18n;

import java.util.Locale;

/** A message argument that reads differently per language: a translated key, a bilingual name. */
public interface Translatable {

    /** The text in {@code locale} (one of the supported languages). */
    String in(Locale locale);
}
