package org.educommons.tenantconfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.educommons.tenantconfig.ConfigFiles.ConfigFile;

/**
 * The demo community's joint activities ({@code demo/activities/*.yaml}), loaded once in demo mode
 * (an activity of that proposer and title is never created twice). Organisers listed under
 * {@code pending} have not answered yet; without any, the activity is confirmed. Schools are named
 * by member and name, plan items by member and title, as the demo plans and accounts created them.
 */
public final class DemoActivities {

    private DemoActivities() {
    }

    /** Loads the activities and returns how many were created. */
    public static int apply(List<ConfigFile> files, Connection owner) throws SQLException {
        return OwnerTransaction.run(owner, c -> {
            int created = 0;
            for (ConfigFile file : files) {
                if (file.kind() == ConfigFiles.Kind.DEMO_ACTIVITY) {
                    created += apply(file, c);
                }
            }
            return created;
        });
    }

    private static int apply(ConfigFile file, Connection c) throws SQLException {
        JsonNode a = DemoRows.read(file);
        long proposer = DemoRows.tenant(c, file, "proposer", a.path("proposer").asText());
        long community = DemoRows.community(c, file, "community", a.path("community").asText());
        try (PreparedStatement exists = c.prepareStatement("select 1 from activity where tenant_id = ? and title = ?")) {
            exists.setLong(1, proposer);
            exists.setString(2, a.path("title").asText());
            if (exists.executeQuery().next()) {
                return 0;
            }
        }
        Set<String> pending = new HashSet<>();
        a.path("pending").forEach(t -> pending.add(t.asText()));
        long activity = DemoRows.id(c, file, "title", """
                        insert into activity (tenant_id, community_id, title, type, starts_on, ends_on, description, status,
                                              confirmed_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end, 'demo') returning id""",
                proposer, community, a.path("title").asText(), a.path("type").asText(),
                LocalDate.parse(a.path("startsOn").asText()), LocalDate.parse(a.path("endsOn").asText()),
                a.path("description").asText(null), pending.isEmpty() ? "CONFIRMED" : "PROPOSED", pending.isEmpty());

        Map<String, Long> organisers = new LinkedHashMap<>();
        for (JsonNode o : a.path("organisers")) {
            String slug = o.path("tenant").asText();
            long tenant = DemoRows.tenant(c, file, "organisers", slug);
            organisers.put(slug, tenant);
            boolean answered = !pending.contains(slug);
            DemoRows.update(c, """
                    insert into activity_organiser (tenant_id, activity_id, organiser_tenant_id, part, response,
                                                    responded_by, responded_at)
                    values (?, ?, ?, ?, ?, ?, case when ? then now() end)""",
                    proposer, activity, tenant, o.path("part").asText(null), answered ? "CONFIRMED" : "PENDING",
                    answered ? "demo" : null, answered);
        }
        Set<Long> schools = new HashSet<>();
        for (JsonNode s : a.path("schools")) {
            school(c, file, "schools", proposer, activity, organisers, s, schools);
        }
        for (JsonNode item : a.path("planItems")) {
            long tenant = organiser(file, "planItems", organisers, item.path("tenant").asText());
            long id = DemoRows.id(c, file, "planItems", """
                            select id from plan_item where tenant_id = ? and community_id = ? and title = ?
                               and published_at is not null""",
                    tenant, community, item.path("title").asText());
            DemoRows.update(c, "insert into activity_plan_item (tenant_id, activity_id, item_tenant_id, item_id) values (?, ?, ?, ?)",
                    proposer, activity, tenant, id);
        }
        for (JsonNode p : a.path("pairings")) {
            long[] supporting = school(c, file, "pairings", proposer, activity, organisers, p.path("supporting"), schools);
            long[] supported = school(c, file, "pairings", proposer, activity, organisers, p.path("supported"), schools);
            DemoRows.update(c, """
                    insert into activity_pairing (tenant_id, activity_id, supporting_tenant_id, supporting_school_id,
                                                  supported_tenant_id, supported_school_id, starts_on, ends_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    proposer, activity, supporting[0], supporting[1], supported[0], supported[1],
                    LocalDate.parse(p.path("startsOn").asText()), LocalDate.parse(p.path("endsOn").asText()));
        }
        return 1;
    }

    /** A participating school ({@code tenant}, {@code school} name), added once; returns {tenant, school}. */
    private static long[] school(Connection c, ConfigFile file, String field, long proposer, long activity,
                                 Map<String, Long> organisers, JsonNode s, Set<Long> added) throws SQLException {
        long tenant = organiser(file, field, organisers, s.path("tenant").asText());
        long id = DemoRows.id(c, file, field, "select id from school where tenant_id = ? and name_zh = ?",
                tenant, s.path("school").asText());
        if (added.add(id)) {
            DemoRows.update(c, "insert into activity_school (tenant_id, activity_id, school_tenant_id, school_id) values (?, ?, ?, ?)",
                    proposer, activity, tenant, id);
        }
        return new long[] {tenant, id};
    }

    private static long organiser(ConfigFile file, String field, Map<String, Long> organisers, String slug) {
        Long tenant = organisers.get(slug);
        if (tenant == null) {
            throw new InvalidConfigException(List.of(new ConfigError(file.name(), field, "'" + slug + "' is not an organiser")));
        }
        return tenant;
    }
}
