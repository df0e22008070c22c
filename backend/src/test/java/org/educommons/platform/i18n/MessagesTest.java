package org.educommons.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void chineseIsTheDefaultAndEnglishIsChosenByAcceptLanguage() {
        assertThat(Messages.fromAcceptLanguage(null)).isEqualTo(Messages.CHINESE);
        assertThat(Messages.fromAcceptLanguage("fr-FR, de;q=0.8")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("zh-CN,en;q=0.5")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.fromAcceptLanguage(";;;garbage")).isEqualTo(Messages.CHINESE);
    }

    @Test
    void translatedArgumentsAreResolvedInTheSameLanguage() {
        assertThat(Messages.get(Locale.ENGLISH, "problem.not-found.detail", new MessageKey("entity.community"), "x"))
                .isEqualTo("There is no community 'x'.");
        assertThat(Messages.get(Locale.SIMPLIFIED_CHINESE, "problem.not-found.detail", new MessageKey("entity.community"), "x"))
                .isEqualTo("找不到共同体“x”。");
        Translatable name = locale -> Messages.ENGLISH.equals(locale) ? "Dazu" : "大足区";
        assertThat(Messages.get(Locale.ENGLISH, "problem.quota-below-confirmed.detail", name, 1))
                .isEqualTo("More people of 'Dazu' are confirmed already; its quota cannot become 1.");
        assertThat(Messages.get(Locale.SIMPLIFIED_CHINESE, "problem.quota-below-confirmed.detail", name, 1))
                .isEqualTo("“大足区”已有更多人确认报名，名额不能减为 1。");
    }

    @Test
    void everyTextExistsInBothLanguages() throws Exception {
        java.util.Properties zh = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var a = Messages.class.getResourceAsStream("/org/educommons/i18n/messages.properties");
             var b = Messages.class.getResourceAsStream("/org/educommons/i18n/messages_en.properties")) {
            zh.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
    }

    @Test
    void apostrophesAreWrittenTwiceAndShownOnce() throws Exception {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            java.util.Properties texts = new java.util.Properties();
            try (var in = Messages.class.getResourceAsStream("/org/educommons/i18n/" + bundle)) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            texts.stringPropertyNames().forEach(key -> assertThat(texts.getProperty(key))
                    .as(bundle + " " + key + ": a MessageFormat pattern needs '' for an apostrophe")
                    .doesNotContainPattern("(?<!')'(?!')"));
        }
        assertThat(Messages.get(Locale.ENGLISH, "problem.invitation-invalid.detail")).contains("the community's secretariat");
        assertThat(Messages.get(Locale.ENGLISH, "validation.forum.session-outside", "开幕式"))
                .isEqualTo("session “开幕式” must lie within the forum's start and end");
    }

    @Test
    void everyRegistrationOutcomeHasItsNotification() {
        // Forums notify "notify.registration." + the status a registration ends up in
        for (String status : new String[] {"CONFIRMED", "WAITLISTED", "PENDING", "REJECTED", "cancelled", "promoted"}) {
            for (Locale locale : new Locale[] {Messages.CHINESE, Locale.ENGLISH}) {
                for (String part : new String[] {".subject", ".body"}) {
                    String key = "notify.registration." + status + part;
                    assertThat(Messages.get(locale, key, "论坛", "2026-12-25 09:00", "泸州", "1")).as(key).isNotEqualTo(key);
                }
            }
        }
    }

    @Test
    void theJvmDefaultLocaleNeverLeaksIn() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Messages.get(Locale.SIMPLIFIED_CHINESE, "nav.login")).isEqualTo("登录");
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Messages.get(Locale.ENGLISH, "nav.login")).isEqualTo("Sign in");
        } finally {
            Locale.setDefault(before);
        }
    }
}
