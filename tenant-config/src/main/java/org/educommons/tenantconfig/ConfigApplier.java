package org.educommons.tenantconfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

import org.educommons.tenantconfig.Definitions.AdminDefinition;
import org.educommons.tenantconfig.Definitions.CommunityDefinition;
import org.educommons.tenantconfig.Definitions.ConfigSet;
import org.educommons.tenantconfig.Definitions.MemberDefinition;
import org.educommons.tenantconfig.Definitions.TenantDefinition;

/**
 * Makes the database say what a valid {@link ConfigSet} says, in one transaction on the schema
 * owner's connection. Idempotent: a row is written only when it differs, so applying the same set
 * twice changes nothing. Tenants, communities or members missing from the files are left alone
 * (removing a member is a decision of the joint council, not of a missing file).
 */
public final class ConfigApplier {

    /** How many rows applying changed, by table. */
    public record Report(int tenants, int communities, int memberships, int accounts) {
        public int total() {
            return tenants + communities + memberships + accounts;
        }
    }

    private ConfigApplier() {
    }

    public static Report apply(ConfigSet set, Connection owner) throws SQLException {
        return OwnerTransaction.run(owner, c -> applyInTransaction(set, c));
    }

    private static Report applyInTransaction(ConfigSet set, Connection c) throws SQLException {
        java.util.Set<String> tenants = new java.util.HashSet<>(); // added or changed, once each
        int communities = 0;
        int memberships = 0;
        int accounts = 0;
        try (PreparedStatement s = c.prepareStatement("""
                insert into tenant (slug, name_zh, name_en, kind, region)
                values (?, ?, ?, ?, ?)
                on conflict (slug) do update
                   set name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind,
                       region = excluded.region, updated_at = now()
                 where (tenant.name_zh, tenant.name_en, tenant.kind, tenant.region)
                       is distinct from (excluded.name_zh, excluded.name_en, excluded.kind, excluded.region)""")) {
            for (TenantDefinition t : set.tenants()) {
                s.setString(1, t.slug());
                s.setString(2, t.name().zh());
                s.setString(3, t.name().en());
                s.setString(4, t.kind().name());
                s.setString(5, t.region());
                if (s.executeUpdate() > 0) {
                    tenants.add(t.slug());
                }
            }
        }
        Map<String, Long> tenantIds = ids(c, "tenant");
        try (PreparedStatement s = c.prepareStatement("""
                update tenant set parent_id = ?, updated_at = now()
                 where slug = ? and parent_id is distinct from ?""")) {
            for (TenantDefinition t : set.tenants()) {
                Long parent = t.parent() == null ? null : tenantIds.get(t.parent());
                s.setObject(1, parent, Types.BIGINT);
                s.setString(2, t.slug());
                s.setObject(3, parent, Types.BIGINT);
                if (s.executeUpdate() > 0) {
                    tenants.add(t.slug());
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into community (slug, name_zh, name_en, founded_in, description_zh, description_en)
                values (?, ?, ?, ?, ?, ?)
                on conflict (slug) do update
                   set name_zh = excluded.name_zh, name_en = excluded.name_en, founded_in = excluded.founded_in,
                       description_zh = excluded.description_zh, description_en = excluded.description_en,
                       updated_at = now()
                 where (community.name_zh, community.name_en, community.founded_in, community.description_zh, community.description_en)
                       is distinct from
                       (excluded.name_zh, excluded.name_en, excluded.founded_in, excluded.description_zh, excluded.description_en)""")) {
            for (CommunityDefinition cd : set.communities()) {
                s.setString(1, cd.slug());
                s.setString(2, cd.name().zh());
                s.setString(3, cd.name().en());
                s.setInt(4, cd.foundedIn());
                s.setString(5, cd.description().zh());
                s.setString(6, cd.description().en());
                communities += s.executeUpdate();
            }
        }
        Map<String, Long> communityIds = ids(c, "community");
        try (PreparedStatement s = c.prepareStatement("""
                insert into community_membership
                       (tenant_id, community_id, role, secretariat, joined_year, joined_on, joined_at_meeting, roster_position)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, community_id) do update
                   set role = excluded.role, secretariat = excluded.secretariat, joined_year = excluded.joined_year,
                       joined_on = excluded.joined_on, joined_at_meeting = excluded.joined_at_meeting,
                       roster_position = excluded.roster_position
                 where (community_membership.role, community_membership.secretariat, community_membership.joined_year,
                        community_membership.joined_on, community_membership.joined_at_meeting, community_membership.roster_position)
                       is distinct from
                       (excluded.role, excluded.secretariat, excluded.joined_year, excluded.joined_on,
                        excluded.joined_at_meeting, excluded.roster_position)""")) {
            for (CommunityDefinition cd : set.communities()) {
                for (int i = 0; i < cd.members().size(); i++) {
                    MemberDefinition m = cd.members().get(i);
                    s.setLong(1, tenantIds.get(m.tenant()));
                    s.setLong(2, communityIds.get(cd.slug()));
                    s.setString(3, m.role().name());
                    s.setBoolean(4, m.secretariat());
                    s.setInt(5, m.joinedYear());
                    s.setObject(6, m.joinedOn(), Types.DATE);
                    s.setString(7, m.meeting());
                    s.setInt(8, i + 1);
                    memberships += s.executeUpdate();
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into community_membership
                       (tenant_id, community_id, role, secretariat, joined_year, joined_on, joined_at_meeting, roster_position)
                values (?, ?, ?, false, ?, ?, ?,
                        (select coalesce(max(roster_position), 0) + 1 from community_membership where community_id = ?))
                on conflict (tenant_id, community_id) do update
                   set role = excluded.role, joined_year = excluded.joined_year, joined_on = excluded.joined_on,
                       joined_at_meeting = excluded.joined_at_meeting
                 where (community_membership.role, community_membership.joined_year, community_membership.joined_on,
                        community_membership.joined_at_meeting)
                       is distinct from
                       (excluded.role, excluded.joined_year, excluded.joined_on, excluded.joined_at_meeting)""")) {
            for (TenantDefinition t : set.tenants()) {
                for (Definitions.TenantMembership tm : t.memberships()) {
                    MemberDefinition m = tm.member();
                    s.setLong(1, tenantIds.get(t.slug()));
                    s.setLong(2, communityIds.get(tm.community()));
                    s.setString(3, m.role().name());
                    s.setInt(4, m.joinedYear());
                    s.setObject(5, m.joinedOn(), Types.DATE);
                    s.setString(6, m.meeting());
                    s.setLong(7, communityIds.get(tm.community()));
                    memberships += s.executeUpdate();
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into account (tenant_id, username, display_name, email, roles)
                values (?, ?, ?, ?, 'TENANT_ADMIN')
                on conflict (username) do nothing""")) {
            for (TenantDefinition t : set.tenants()) {
                AdminDefinition a = t.admin();
                s.setLong(1, tenantIds.get(t.slug()));
                s.setString(2, a.username());
                s.setString(3, a.displayName());
                s.setString(4, a.email());
                accounts += s.executeUpdate();
            }
        }
        return new Report(tenants.size(), communities, memberships, accounts);
    }

    private static Map<String, Long> ids(Connection c, String table) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select slug, id from " + table); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.put(r.getString(1), r.getLong(2));
            }
        }
        return ids;
    }
}
