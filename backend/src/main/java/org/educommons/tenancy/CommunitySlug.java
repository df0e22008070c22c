package org.educommons.tenancy;

/** Identifies a community in URLs and configuration files, e.g. {@code chuannan-yuxi}. */
public record CommunitySlug(String value) {

    public CommunitySlug {
        Slug.require(value, "community");
    }

    public static boolean isValid(String value) {
        return value != null && Slug.PATTERN.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
