package org.educommons.tenantconfig;

/** One thing wrong in one definition file. */
public record ConfigError(String file, String field, String message) {

    @Override
    public String toString() {
        return file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message;
    }
}
