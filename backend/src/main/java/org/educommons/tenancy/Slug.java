package org.educommons.tenancy;

import java.util.regex.Pattern;

/** The shape every slug (tenant, community) has: lower-case latin letters, digits and dashes. */
final class Slug {

    static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    private Slug() {
    }

    static String require(String value, String what) {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a valid " + what + " slug: " + value);
        }
        return value;
    }
}
