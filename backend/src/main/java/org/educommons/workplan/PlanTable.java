package org.educommons.workplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.educommons.platform.api.Page;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.MembershipRole;

/**
 * The combined plan table read a page at a time, in one SQL query whatever the size of the
 * community: rows in roster order (founding members first, then by roster position), each member's
 * items in plan order, narrowed in the database by category, month, member and status, and paged by
 * key: a cursor names the last row of a page. Row-level security decides what the caller sees (its
 * own drafts and every member's published items); the query only adds the community, the year and
 * the filters. {@link #SQL} is public so that the benchmark measures the same statement over plain JDBC.
 */
public final class PlanTable {

    /**
     * Parameters: ?1 community id, ?2 year, ?3 caller's tenant id, ?4 category, ?5 month, ?6 member
     * tenant id, ?7 status (each null for "any"), ?8..?11 the cursor's rank, roster position, item
     * position and item id (-1 each for the first page), ?12 how many rows (null: all).
     */
    public static final String SQL = """
            select m.rank, m.roster_position, i.position, i.id, t.slug, t.name_zh, t.name_en, m.role,
                   i.title, i.category, i.start_month, i.end_month, i.lead_unit, i.target_participants,
                   i.description, i.status, i.published_at is not null, i.version, co.slugs, co.names_zh, co.names_en
              from (select cm.tenant_id, cm.community_id, cm.role, cm.roster_position,
                           case cm.role when 'FOUNDING_MEMBER' then 0 else 1 end as rank
                      from community_membership cm
                     where cm.community_id = ?1
                       and (cast(?6 as bigint) is null or cm.tenant_id = cast(?6 as bigint))
                       and (case cm.role when 'FOUNDING_MEMBER' then 0 else 1 end, cm.roster_position) >= (?8, ?9)) m
              join tenant t on t.id = m.tenant_id
              join plan_item i on i.tenant_id = m.tenant_id and i.community_id = m.community_id and i.year = ?2
              left join lateral (
                   select string_agg(ct.slug, ',' order by ccm.role, ccm.roster_position, ct.id) as slugs,
                          string_agg(ct.name_zh, chr(31) order by ccm.role, ccm.roster_position, ct.id) as names_zh,
                          string_agg(ct.name_en, chr(31) order by ccm.role, ccm.roster_position, ct.id) as names_en
                     from plan_item_co_organiser c
                     join tenant ct on ct.id = c.co_organiser_id
                     join community_membership ccm on ccm.tenant_id = c.co_organiser_id and ccm.community_id = i.community_id
                    where c.tenant_id = i.tenant_id and c.item_id = i.id) co on true
             where (i.published_at is not null or i.tenant_id = ?3)
               and (cast(?4 as text) is null or i.category = cast(?4 as text))
               and (cast(?5 as integer) is null or i.start_month is null or cast(?5 as integer) between i.start_month and i.end_month)
               and (cast(?7 as text) is null or i.status = cast(?7 as text))
               and ((m.rank, m.roster_position) > (?8, ?9) or (i.position, i.id) > (?10, ?11))
             order by m.rank, m.roster_position, i.position, i.id
             limit cast(?12 as bigint)""";

    /**
     * How many rows {@link #SQL} gives and from how many members, with the same parameters (the
     * cursor's at the start, ?12 null: no limit), so that the count and the rows never disagree.
     */
    static final String COUNT_SQL = "select count(*), count(distinct slug) from (" + SQL + ") table_rows";

    /** How many items a view of the table holds, and from how many members. */
    public record Count(int items, int members) {
    }

    /** Rows an export reads per query. */
    public static final int EXPORT_PAGE = 1_000;

    private PlanTable() {
    }

    /** Narrowing of the table; each part {@code null} for "any". */
    public record Filter(PlanCategory category, Integer month, String member, ItemStatus status) {

        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** One row: a member's item, with the member's and its co-organisers' names. */
    public record Row(String member, LocalizedName memberName, MembershipRole memberRole, PlanItemDetails item,
                      List<LocalizedName> coOrganiserNames) {
    }

    /** Where a page ends: the sort key of its last row (what a cursor says). */
    public record Key(int rank, int rosterPosition, int position, long id) {

        public static final Key START = new Key(-1, -1, -1, -1);

        /** The key a cursor names; {@link #START} for none; 400 for anything else. */
        public static Key parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return START;
            }
            String[] parts = cursor.trim().split("\\.");
            try {
                if (parts.length == 4) {
                    return new Key(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                            Long.parseLong(parts[3]));
                }
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("cursor", "validation.cursor")));
        }

        String cursor() {
            return rank + "." + rosterPosition + "." + position + "." + id;
        }
    }

    /** A fetched row with its key. */
    record Keyed(Key key, Row row) {

        static Keyed of(org.educommons.platform.database.Row r, String community, int year) {
            Key key = new Key(r.getInt(0), r.getInt(1), r.getInt(2), r.getLong(3));
            String member = r.getString(4);
            String slugs = r.getString(18);
            List<String> coOrganisers = slugs == null ? List.of() : Arrays.asList(slugs.split(","));
            List<LocalizedName> coNames = new ArrayList<>();
            if (slugs != null) {
                String[] zh = r.getString(19).split("\u001f", -1);
                String[] en = r.getString(20).split("\u001f", -1);
                for (int n = 0; n < zh.length; n++) {
                    coNames.add(new LocalizedName(zh[n], en[n]));
                }
            }
            PlanItemDetails item = new PlanItemDetails(key.id(), member, community, year, key.position(), r.getString(8),
                    r.getEnum(9, PlanCategory.class), r.getNullableInt(10), r.getNullableInt(11), r.getString(12),
                    List.copyOf(coOrganisers), r.getString(13), r.getString(14), r.getEnum(15, ItemStatus.class),
                    r.getBoolean(16), r.getInt(17));
            return new Keyed(key, new Row(member, new LocalizedName(r.getString(5), r.getString(6)),
                    r.getEnum(7, MembershipRole.class), item, List.copyOf(coNames)));
        }
    }

    /** The page of {@code fetched} (up to {@code limit + 1} rows) with the cursor of its last row. */
    static Page<Row> page(List<Keyed> fetched, int limit) {
        Page<Keyed> keyed = Page.of(fetched, limit, k -> k.key().cursor());
        return new Page<>(keyed.items().stream().map(Keyed::row).toList(), keyed.nextCursor());
    }

    /**
     * Every row from {@code first} on, reading the next page through {@code next} (cursor → page)
     * only when the rows before it have been consumed: what an export iterates in constant memory.
     */
    public static Iterable<Row> rows(Page<Row> first, Function<String, Page<Row>> next) {
        return () -> new Iterator<>() {
            private Page<Row> page = first;
            private int index;

            @Override
            public boolean hasNext() {
                while (index == page.items().size() && page.nextCursor() != null) {
                    page = next.apply(page.nextCursor());
                    index = 0;
                }
                return index < page.items().size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(index++);
            }
        };
    }

    /** The co-organisers of a row as the reader names them, joined by the list separator. */
    static String coOrganisers(Row row, Locale locale, String separator) {
        return String.join(separator, row.coOrganiserNames().stream().map(n -> n.in(locale)).toList());
    }
}
