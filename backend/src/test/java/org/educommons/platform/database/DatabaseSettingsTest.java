package org.educommons.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void everyMissingOrUnusableSettingIsNamedAtOnce() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.URL, "jdbc:mysql://x/y",
                DatabaseSettings.APP_PASSWORD, "short")::get))
                .hasMessageContaining("educommons.db.url must be a jdbc:postgresql: URL")
                .hasMessageContaining("educommons.db.user (the schema owner) is not set")
                .hasMessageContaining("educommons.db.app-password must be at least 16 characters")
                .hasMessageContaining("educommons.db.mailer-password must be at least 16 characters");
    }

    @Test
    void theMailSenderNeedsARoleAndPasswordOfItsOwn() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.URL, "jdbc:postgresql://db/educommons",
                DatabaseSettings.USER, "owner", DatabaseSettings.APP_PASSWORD, "a-long-enough-secret",
                DatabaseSettings.MAILER_USER, "educommons_app", DatabaseSettings.MAILER_PASSWORD, "a-long-enough-secret")::get))
                .hasMessageContaining("educommons.db.mailer-user must be a plain lower-case role name of its own")
                .hasMessageContaining("educommons.db.mailer-password must differ from educommons.db.app-password");
    }

    @Test
    void theRolesDefaultToEducommonsAppAndMailerAndPasswordsStayOutOfToString() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(DatabaseSettings.URL, "jdbc:postgresql://db/educommons",
                DatabaseSettings.USER, "owner", DatabaseSettings.APP_PASSWORD, "a-long-enough-secret",
                DatabaseSettings.MAILER_PASSWORD, "another-long-secret")::get);
        assertThat(settings.appUser()).isEqualTo("educommons_app");
        assertThat(settings.mailerUser()).isEqualTo("educommons_mailer");
        assertThat(settings.ownerPassword()).isEmpty();
        assertThat(settings.toString()).doesNotContain("a-long-enough-secret").doesNotContain("another-long-secret");
    }
}
