package org.educommons.ui.workplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.educommons.platform.api.Page;

/**
 * Serves a lazy grid's "rows from offset, this many" from a table paged by cursor (keyset): remembers the
 * cursor at which each page it fetched ends, so that scrolling on reads from where the last page ended
 * and a jump reads forward from the nearest place it knows. One per view of the table: a new filter
 * gets a new one.
 */
final class CursorPages<T> {

    private final BiFunction<String, Integer, Page<T>> page;
    private final int largestPage;
    /** Offset → the cursor whose page starts there (null: the first page). */
    private final TreeMap<Integer, String> cursors = new TreeMap<>();

    /** {@code page}: cursor (null for the first) and how many → the page after it. */
    CursorPages(BiFunction<String, Integer, Page<T>> page, int largestPage) {
        this.page = page;
        this.largestPage = largestPage;
        cursors.put(0, null);
    }

    List<T> rows(int offset, int limit) {
        Map.Entry<Integer, String> from = cursors.floorEntry(offset);
        int at = from.getKey();
        String cursor = from.getValue();
        List<T> rows = new ArrayList<>(limit);
        while (at < offset + limit) {
            Page<T> next = page.apply(cursor, Math.min(largestPage, offset + limit - at));
            for (int i = 0; i < next.items().size(); i++) {
                if (at + i >= offset) {
                    rows.add(next.items().get(i));
                }
            }
            at += next.items().size();
            if (next.nextCursor() == null || next.items().isEmpty()) {
                break;
            }
            cursor = next.nextCursor();
            cursors.put(at, cursor);
        }
        return rows;
    }
}
