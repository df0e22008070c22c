package org.educommons.platform.audit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a change did to a record, as the audit trail keeps it: field → [before, after], only for
 * the fields that really changed. The one place that decides "changed": instants are compared as
 * instants ({@code 09:00+08:00} is {@code 01:00Z}), everything else with {@code equals}; values are
 * kept as they are and written as JSON by {@link AuditTrail}.
 */
public final class Changes {

    private final Map<String, List<Object>> fields = new LinkedHashMap<>();

    /**
     * Notes {@code field} when {@code after} differs from {@code before}, and returns the value the
     * record keeps: {@code before} when they are the same (an instant keeps its offset), else {@code after}.
     */
    public <T> T field(String field, T before, T after) {
        if (same(before, after)) {
            return before;
        }
        fields.put(field, Arrays.asList(before, after));
        return after;
    }

    /** Notes a change worked out elsewhere (a set of members, a list of quotas). */
    public Changes put(String field, Object before, Object after) {
        fields.put(field, Arrays.asList(before, after));
        return this;
    }

    /** Adds what {@code other} noted. */
    public Changes addAll(Changes other) {
        fields.putAll(other.fields);
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Whether {@code field} changed. */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** field → [before, after], in the order they were noted; for {@link AuditTrail#record}. */
    public Map<String, List<Object>> asMap() {
        return Collections.unmodifiableMap(fields);
    }

    private static boolean same(Object before, Object after) {
        return before instanceof OffsetDateTime b && after instanceof OffsetDateTime a ? b.isEqual(a) : Objects.equals(before, after);
    }
}
