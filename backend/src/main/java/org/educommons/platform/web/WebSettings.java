package org.educommons.platform.web;

import org.eclipse.microprofile.config.ConfigProvider;

/** Settings of the web tier, read from MicroProfile Config. */
final class WebSettings {

    /** Largest request body the API reads, in bytes ({@code educommons.api.max-body-bytes}). */
    static final long DEFAULT_MAX_BODY = 1024 * 1024;

    private WebSettings() {
    }

    static boolean publicUrlIsHttps() {
        return ConfigProvider.getConfig().getOptionalValue("educommons.public-url", String.class)
                .map(url -> url.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https://"))
                .orElse(false);
    }

    static long maxBody() {
        return ConfigProvider.getConfig().getOptionalValue("educommons.api.max-body-bytes", Long.class)
                .orElse(DEFAULT_MAX_BODY);
    }
}
