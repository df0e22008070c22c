package org.educommons.platform.i18n;

/** A message argument that is itself translated, e.g. the name of an entity inside an error text. */
public record MessageKey(String key) {
}
