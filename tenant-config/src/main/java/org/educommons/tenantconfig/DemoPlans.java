package org.educommons.tenantconfig;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.educommons.tenantconfig.ConfigFiles.ConfigFile;
import org.educommons.workplan.PlanCategory;

/**
 * The demo community's published plans ({@code demo/plans/*.yaml}): loaded in demo mode, through the
 * owner's connection, into every member that has no plan for that community and year yet, so a
 * plan a demo user changed is never overwritten.
 */
public final class DemoPlans {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DemoPlans() {
    }

    /** Loads the plans and returns how many items were added. */
    public static int apply(List<ConfigFile> files, Connection owner) throws SQLException {
        return OwnerTransaction.run(owner, c -> {
            int added = 0;
            for (ConfigFile file : files) {
                if (file.kind() == ConfigFiles.Kind.DEMO_PLAN) {
                    added += apply(file, c);
                }
            }
            return added;
        });
    }

    private static int apply(ConfigFile file, Connection owner) throws SQLException {
        JsonNode root;
        try {
            root = YAML.readTree(file.text());
        } catch (IOException e) {
            throw new InvalidConfigException(List.of(new ConfigError(file.name(), "", "is not valid YAML: " + e.getMessage())));
        }
        String community = root.path("community").asText();
        int year = root.path("year").asInt();
        Map<String, Long> tenants = ids(owner, "select t.slug, t.id from tenant t join community_membership m on m.tenant_id = t.id "
                + "join community c on c.id = m.community_id where c.slug = ?", community);
        Long communityId = ids(owner, "select slug, id from community where slug = ?", community).get(community);
        if (communityId == null) {
            throw new InvalidConfigException(List.of(new ConfigError(file.name(), "community", "names no community: '" + community + "'")));
        }
        Map<String, Long> slugs = ids(owner, "select slug, id from tenant");
        int added = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            Long tenant = tenants.get(member.getKey());
            if (tenant == null) {
                throw new InvalidConfigException(List.of(new ConfigError(file.name(), "members." + member.getKey(),
                        "is not a member of " + community)));
            }
            added += applyMember(owner, file, tenant, communityId, year, member, slugs);
        }
        return added;
    }

    private static int applyMember(Connection owner, ConfigFile file, long tenant, long communityId, int year,
                                   Map.Entry<String, JsonNode> member, Map<String, Long> slugs) throws SQLException {
        long planId;
        try (PreparedStatement s = owner.prepareStatement("""
                insert into work_plan (tenant_id, community_id, year, published_at) values (?, ?, ?, now())
                on conflict (tenant_id, community_id, year) do nothing returning id""")) {
            s.setLong(1, tenant);
            s.setLong(2, communityId);
            s.setInt(3, year);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return 0; // the member already has this plan
                }
                planId = r.getLong(1);
            }
        }
        String leadUnit;
        try (PreparedStatement s = owner.prepareStatement("select name_zh from tenant where id = ?")) {
            s.setLong(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                leadUnit = r.getString(1);
            }
        }
        int position = 0;
        for (JsonNode item : member.getValue()) {
            position++;
            String field = "members." + member.getKey() + "[" + (position - 1) + "]";
            PlanCategory category;
            try {
                category = PlanCategory.valueOf(item.path("category").asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(List.of(new ConfigError(file.name(), field + ".category",
                        "'" + item.path("category").asText() + "' is not a plan category")));
            }
            long itemId;
            try (PreparedStatement s = owner.prepareStatement("""
                    insert into plan_item (tenant_id, plan_id, community_id, year, position, title, category, lead_unit,
                                           start_month, end_month, published_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) returning id""")) {
                s.setLong(1, tenant);
                s.setLong(2, planId);
                s.setLong(3, communityId);
                s.setInt(4, year);
                s.setInt(5, position);
                s.setString(6, item.path("title").asText());
                s.setString(7, category.name());
                s.setString(8, leadUnit);
                // optional months the item covers (both or neither): absent means the whole year
                s.setObject(9, item.hasNonNull("startMonth") ? item.get("startMonth").asInt() : null, java.sql.Types.INTEGER);
                s.setObject(10, item.hasNonNull("endMonth") ? item.get("endMonth").asInt() : null, java.sql.Types.INTEGER);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    itemId = r.getLong(1);
                }
            }
            List<Long> coOrganisers = new ArrayList<>();
            item.path("coOrganisers").forEach(c -> coOrganisers.add(slugs.get(c.asText())));
            try (PreparedStatement s = owner.prepareStatement(
                    "insert into plan_item_co_organiser (tenant_id, item_id, co_organiser_id) values (?, ?, ?)")) {
                for (Long co : coOrganisers) {
                    s.setLong(1, tenant);
                    s.setLong(2, itemId);
                    s.setLong(3, co);
                    s.executeUpdate();
                }
            }
        }
        return position;
    }

    private static Map<String, Long> ids(Connection c, String sql, String... params) throws SQLException {
        Map<String, Long> ids = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return ids;
    }
}
