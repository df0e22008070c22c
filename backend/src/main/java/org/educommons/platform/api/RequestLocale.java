package org.educommons.platform.api;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

import org.educommons.platform.i18n.Messages;

/** The caller's language for API responses, from {@code Accept-Language}. */
public final class RequestLocale {

    private RequestLocale() {
    }

    public static Locale of(HttpHeaders headers) {
        return Messages.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
