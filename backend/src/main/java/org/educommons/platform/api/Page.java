package org.educommons.platform.api;

import java.util.List;
import java.util.function.Function;

import jakarta.json.bind.annotation.JsonbNillable;

import org.educommons.platform.problem.ProblemException;

/**
 * One page of a list, with the cursor that fetches the next page ({@code null} on the last one).
 * Lists are paged by key (keyset), never by offset: a cursor names the last item of the page.
 */
@JsonbNillable
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** A limit the caller asked for, kept within 1..{@value #MAX_LIMIT}. */
    public static int limit(Integer requested) {
        return requested == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, requested));
    }

    /**
     * The page from {@code fetched}, which holds up to {@code limit + 1} items: the extra one only
     * tells that another page follows.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new Page<>(List.copyOf(page), cursorOf.apply(page.get(limit - 1)));
    }

    /** A numeric cursor; absent means "from the start" (0). */
    public static int intCursor(String cursor) {
        return (int) longCursor(cursor, 0);
    }

    /** A numeric cursor, or {@code absent} when there is none. */
    public static long longCursor(String cursor, long absent) {
        if (cursor == null || cursor.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(cursor.trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "invalid-input", List.of(new ProblemException.FieldError("cursor", "validation.cursor")));
        }
    }
}
