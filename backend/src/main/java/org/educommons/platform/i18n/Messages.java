package org.educommons.platform.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one source of user-facing text, for the API and the UI alike: Simplified Chinese first,
 * English second. Bundles live in {@code org/educommons/i18n/messages*.properties} (UTF-8).
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private static final String BUNDLE = "org.educommons.i18n.messages";
    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /**
     * The text for {@code key} in {@code locale}, with {@code args} formatted in; the key itself if
     * unknown. Texts are {@link MessageFormat} patterns, with or without arguments.
     */
    public static String get(Locale locale, String key, Object... args) {
        Locale effective = supported(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, effective, Messages.class.getClassLoader(), NO_JVM_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // always through MessageFormat, so that every text follows its rules (an apostrophe is written '')
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Translatable t ? t.in(effective) : args[i];
        }
        return new MessageFormat(pattern, effective).format(resolved);
    }

    /** English when asked for English, otherwise Chinese. */
    public static Locale supported(Locale requested) {
        return requested != null && ENGLISH.getLanguage().equals(requested.getLanguage()) ? ENGLISH : CHINESE;
    }

    /** Picks the supported locale that best matches an {@code Accept-Language} header; Chinese by default. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
                if (tag.startsWith("zh")) {
                    return CHINESE;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
        return CHINESE;
    }
}
