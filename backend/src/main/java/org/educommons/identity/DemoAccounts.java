package org.educommons.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The accounts of demo mode, all with the public password {@value #PASSWORD}: for every demo tenant
 * (one defined by the demo set, never one added later through tenant-config or a join approval)
 * {@code <slug>.admin} and {@code <slug>.principal1..3} (each the principal of a demo school), and
 * {@code secretariat} in the demo tenant that runs a community's secretariat. Accounts that already
 * have a password are left alone, and so is any account with an invitation (its person chooses
 * the password). Never used outside demo mode.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "educommons-demo";
    public static final int PRINCIPALS_PER_TENANT = 3;

    private DemoAccounts() {
    }

    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private record Wanted(long tenantId, String username, String displayName, Role role, String school) {
    }

    /**
     * Creates the missing demo accounts of the demo tenants through the owner's connection and
     * returns how many were created.
     *
     * @param demoTenants the slugs of the tenants the demo set defines
     * @param hasher      turns the demo password into a stored hash; called once, since the password is public anyway
     */
    public static int seed(Connection owner, Set<String> demoTenants, UnaryOperator<String> hasher) throws SQLException {
        List<Wanted> wanted = new ArrayList<>();
        try (PreparedStatement s = owner.prepareStatement(
                "select id, slug, name_zh, region from tenant where slug = any (?) order by id")) {
            s.setArray(1, owner.createArrayOf("text", demoTenants.toArray()));
            try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long tenant = r.getLong(1);
                String slug = r.getString(2);
                String name = r.getString(3);
                String region = r.getString(4);
                wanted.add(new Wanted(tenant, slug + ".admin", name + " 管理员", Role.TENANT_ADMIN, null));
                for (int i = 1; i <= PRINCIPALS_PER_TENANT; i++) {
                    String school = region + "第" + ORDINALS[i - 1] + "实验学校";
                    wanted.add(new Wanted(tenant, slug + ".principal" + i, school + " 校长", Role.PRINCIPAL, school));
                }
            }
            }
        }
        try (PreparedStatement s = owner.prepareStatement("""
                select m.tenant_id from community_membership m join tenant t on t.id = m.tenant_id
                 where m.secretariat and t.slug = any (?) order by m.community_id limit 1""")) {
            s.setArray(1, owner.createArrayOf("text", demoTenants.toArray()));
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    wanted.add(new Wanted(r.getLong(1), "secretariat", "共同体秘书处", Role.SECRETARIAT, null));
                }
            }
        }
        Set<String> existing = new HashSet<>();
        try (PreparedStatement s = owner.prepareStatement("""
                select a.username from account a
                 where a.password_hash is not null
                    or exists (select 1 from account_invitation i where i.tenant_id = a.tenant_id and i.account_id = a.id)""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                existing.add(r.getString(1));
            }
        }
        wanted.removeIf(a -> existing.contains(a.username()));
        if (wanted.isEmpty()) {
            return 0;
        }
        String hash = hasher.apply(PASSWORD);
        int created = 0;
        try (PreparedStatement insert = owner.prepareStatement("""
                insert into account (tenant_id, username, display_name, email, password_hash, roles, school_id)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (username) do update set password_hash = excluded.password_hash
                 where account.password_hash is null and account.tenant_id = excluded.tenant_id
                   and not exists (select 1 from account_invitation i
                                    where i.tenant_id = account.tenant_id and i.account_id = account.id)""")) {
            for (Wanted a : wanted) {
                insert.setLong(1, a.tenantId());
                insert.setString(2, a.username());
                insert.setString(3, a.displayName());
                insert.setString(4, a.username() + "@demo.educommons.invalid");
                insert.setString(5, hash);
                insert.setString(6, a.role().name());
                insert.setObject(7, a.school() == null ? null : school(owner, a.tenantId(), a.school()), java.sql.Types.BIGINT);
                created += insert.executeUpdate();
            }
        }
        return created;
    }

    /** The id of the demo school {@code name} of the tenant, created when missing. */
    private static long school(Connection owner, long tenantId, String name) throws SQLException {
        try (PreparedStatement s = owner.prepareStatement("""
                insert into school (tenant_id, name_zh) values (?, ?)
                on conflict (tenant_id, name_zh) do update set name_zh = excluded.name_zh
                returning id""")) {
            s.setLong(1, tenantId);
            s.setString(2, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
