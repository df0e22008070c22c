package org.educommons.tenantconfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.educommons.platform.i18n.BeijingTime;
import org.educommons.tenantconfig.ConfigFiles.ConfigFile;

/**
 * The demo community's upcoming forums ({@code demo/forums/*.yaml}) with a few registrations, loaded
 * once in demo mode (a forum of that host and title is never created twice). Registrations go
 * through {@code forum_register}, the same seat rules as every other registration.
 */
public final class DemoForums {

    private DemoForums() {
    }

    /** Loads the forums and returns how many were created. */
    public static int apply(List<ConfigFile> files, Connection owner) throws SQLException {
        return OwnerTransaction.run(owner, c -> {
            int created = 0;
            for (ConfigFile file : files) {
                if (file.kind() == ConfigFiles.Kind.DEMO_FORUM) {
                    created += apply(file, c);
                }
            }
            return created;
        });
    }

    private static int apply(ConfigFile file, Connection owner) throws SQLException {
        JsonNode f = DemoRows.read(file);
        long host = DemoRows.tenant(owner, file, "host", f.path("host").asText());
        long community = DemoRows.community(owner, file, "community", f.path("community").asText());
        try (PreparedStatement exists = owner.prepareStatement("select 1 from forum where tenant_id = ? and title = ?")) {
            exists.setLong(1, host);
            exists.setString(2, f.path("title").asText());
            if (exists.executeQuery().next()) {
                return 0;
            }
        }
        Long planItem = !f.hasNonNull("planItem") ? null : DemoRows.id(owner, file, "planItem",
                "select id from plan_item where tenant_id = ? and community_id = ? and title = ?",
                host, community, f.path("planItem").asText());
        long forum;
        try (PreparedStatement s = owner.prepareStatement("""
                insert into forum (tenant_id, community_id, title, description, venue, starts_at, ends_at,
                                   registration_opens_at, registration_closes_at, capacity, plan_item_id)
                values (?, ?, ?, ?, ?, ?, ? + make_interval(hours => ?),
                        now() - make_interval(days => ?), now() + make_interval(days => ?), ?, ?)
                returning id""")) {
            s.setLong(1, host);
            s.setLong(2, community);
            s.setString(3, f.path("title").asText());
            s.setString(4, f.path("description").asText(null));
            s.setString(5, f.path("venue").asText());
            // in the morning, Beijing time, as forums are (startsAt: "09:00" unless the file says otherwise)
            java.time.OffsetDateTime starts = java.time.LocalDate.now(BeijingTime.ZONE).plusDays(f.path("startsInDays").asInt())
                    .atTime(java.time.LocalTime.parse(f.path("startsAt").asText("09:00"))).atZone(BeijingTime.ZONE).toOffsetDateTime();
            s.setObject(6, starts);
            s.setObject(7, starts);
            s.setInt(8, f.path("durationHours").asInt(8));
            s.setInt(9, f.path("registrationOpensDaysAgo").asInt());
            s.setInt(10, f.path("registrationClosesInDays").asInt());
            s.setInt(11, f.path("capacity").asInt());
            s.setObject(12, planItem, java.sql.Types.BIGINT);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                forum = r.getLong(1);
            }
        }
        var quotas = f.path("quotas").fields();
        while (quotas.hasNext()) {
            var q = quotas.next();
            try (PreparedStatement s = owner.prepareStatement(
                    "insert into forum_quota (tenant_id, forum_id, member_tenant_id, seats) values (?, ?, ?, ?)")) {
                s.setLong(1, host);
                s.setLong(2, forum);
                s.setLong(3, DemoRows.tenant(owner, file, "quotas." + q.getKey(), q.getKey()));
                s.setInt(4, q.getValue().asInt());
                s.executeUpdate();
            }
        }
        for (JsonNode session : f.path("agenda")) {
            // times count in minutes from the forum's start
            DemoRows.update(owner, """
                    insert into forum_session (tenant_id, forum_id, kind, title, speaker, room, starts_at, ends_at, capacity)
                    select tenant_id, id, ?, ?, ?, ?, starts_at + make_interval(mins => ?),
                           starts_at + make_interval(mins => ? + ?), cast(? as integer) from forum where tenant_id = ? and id = ?""",
                    session.path("kind").asText(), session.path("title").asText(), session.path("speaker").asText(null),
                    session.path("room").asText(null), session.path("startsAfterMinutes").asInt(),
                    session.path("startsAfterMinutes").asInt(), session.path("minutes").asInt(60),
                    session.hasNonNull("capacity") ? session.path("capacity").asInt() : null, host, forum);
        }
        for (JsonNode username : f.path("registrations")) {
            long member;
            long account;
            try (PreparedStatement s = owner.prepareStatement("select tenant_id, id from account where username = ?")) {
                s.setString(1, username.asText());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new InvalidConfigException(List.of(new ConfigError(file.name(), "registrations",
                                "no account '" + username.asText() + "'")));
                    }
                    member = r.getLong(1);
                    account = r.getLong(2);
                }
            }
            // forum_register lets a tenant register only its own people: act as that tenant
            try (PreparedStatement s = owner.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                s.setString(1, String.valueOf(member));
                s.executeQuery().close();
            }
            try (PreparedStatement s = owner.prepareStatement("select * from forum_register(?, ?, ?, ?, 'demo')")) {
                s.setLong(1, host);
                s.setLong(2, forum);
                s.setLong(3, member);
                s.setLong(4, account);
                s.executeQuery().close();
            }
        }
        return 1;
    }
}
