package org.educommons.tenancy;

import java.util.Locale;

import org.educommons.platform.i18n.Messages;
import org.educommons.platform.i18n.Translatable;

/** A name in Simplified Chinese and English. */
public record LocalizedName(String zh, String en) implements Translatable {

    @Override
    public String in(Locale locale) {
        return Messages.ENGLISH.equals(Messages.supported(locale)) ? en : zh;
    }
}
