package org.educommons.ui.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.educommons.platform.api.Page;
import org.junit.jupiter.api.Test;

/** A lazy grid's offsets served from a table paged by cursor: the right rows, and no page read twice when scrolling on. */
class CursorPagesTest {

    private final List<Integer> table = IntStream.range(0, 2_345).boxed().toList();
    private final List<String> reads = new ArrayList<>();

    /** The table after {@code cursor} (the last value read), as the keyset-paged API gives it. */
    private Page<Integer> page(String cursor, int limit) {
        reads.add(cursor + "+" + limit);
        int from = cursor == null ? 0 : Integer.parseInt(cursor) + 1;
        List<Integer> items = table.subList(Math.min(from, table.size()), Math.min(from + limit, table.size()));
        boolean more = from + limit < table.size();
        return new Page<>(items, more ? String.valueOf(items.get(items.size() - 1)) : null);
    }

    @Test
    void scrollingOnReadsEachPageOnceFromWhereTheLastEnded() {
        CursorPages<Integer> pages = new CursorPages<>(this::page, 1_000);
        for (int offset = 0; offset < table.size(); offset += 100) {
            assertThat(pages.rows(offset, 100)).isEqualTo(table.subList(offset, Math.min(offset + 100, table.size())));
        }
        assertThat(reads).hasSize(24).startsWith("null+100", "99+100", "199+100");
    }

    @Test
    void aJumpReadsForwardFromTheNearestPlaceItKnowsAndBackwardsReadsAgainFromThere() {
        CursorPages<Integer> pages = new CursorPages<>(this::page, 1_000);
        assertThat(pages.rows(2_300, 100)).isEqualTo(table.subList(2_300, 2_345));
        assertThat(reads).containsExactly("null+1000", "999+1000", "1999+400");
        reads.clear();
        assertThat(pages.rows(1_500, 50)).isEqualTo(table.subList(1_500, 1_550));
        assertThat(reads).as("from the cursor at 1,000").containsExactly("999+550");
        assertThat(pages.rows(0, 10)).isEqualTo(table.subList(0, 10));
    }

    @Test
    void anEmptyTableHasNoRows() {
        CursorPages<Integer> pages = new CursorPages<>((cursor, limit) -> new Page<>(List.of(), null), 1_000);
        assertThat(pages.rows(0, 100)).isEmpty();
    }
}
