package org.educommons.tenantconfig;

import java.util.List;
import java.util.stream.Collectors;

/** The definition files cannot be applied; every error found is listed, nothing was applied. */
public class InvalidConfigException extends RuntimeException {

    private final List<ConfigError> errors;

    public InvalidConfigException(List<ConfigError> errors) {
        super("Tenant configuration is invalid, nothing was applied (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "):\n" + errors.stream().map(e -> "  - " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
