package org.educommons.tenancy;

/** Identifies a tenant in URLs and configuration files, e.g. {@code luzhou}. */
public record TenantSlug(String value) {

    public TenantSlug {
        Slug.require(value, "tenant");
    }

    public static boolean isValid(String value) {
        return value != null && Slug.PATTERN.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
