package org.educommons.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which JSON texts carry a control character, raw or escaped, and which only look as if they did. */
class StrictJsonTest {

    @Test
    void escapedAndRawControlCharactersAreFound() {
        assertThat(StrictJson.hasControlCharacter("{\"title\":\"a\\u0000b\"}")).isTrue();
        assertThat(StrictJson.hasControlCharacter("{\"title\":\"bell \\u0007\"}")).isTrue();
        assertThat(StrictJson.hasControlCharacter("{\"title\":\"esc \\u001B[31m\"}")).isTrue();
        assertThat(StrictJson.hasControlCharacter("{\"title\":\"raw \u0001\"}")).isTrue();
    }

    @Test
    void tabsLineBreaksAndLookalikesPass() {
        assertThat(StrictJson.hasControlCharacter("{\"note\":\"line\\nbreak\\ttab\\r\\u000A\\u0009\"}")).isFalse();
        assertThat(StrictJson.hasControlCharacter("{\n\t\"note\": \"raw layout is fine\"\r\n}")).isFalse();
        // an escaped backslash followed by the letters u0000 is text, not a NUL
        assertThat(StrictJson.hasControlCharacter("{\"path\":\"C:\\\\u0000dir\"}")).isFalse();
        assertThat(StrictJson.hasControlCharacter("{\"title\":\"😀𠀀 \\u4e2d\\u0020\"}")).isFalse();
    }
}
