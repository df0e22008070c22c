package org.educommons.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Every function that runs as the schema owner (and so past row-level security) and that the
 * application role may call has been reviewed for what it lets one tenant read or change of another.
 * A new one fails this test until it is reviewed and listed here with its rule.
 */
class SecurityDefinerFunctionsTest {

    /** Each reviewed function and the rule that keeps it within bounds. */
    static final Map<String, String> REVIEWED = new TreeMap<>(Map.ofEntries(
            Map.entry("identity_find_login(text)", "sign-in before a tenant is known: one login by its exact name"),
            Map.entry("identity_find_token(text)", "the account of one API token, known only to its holder"),
            Map.entry("identity_find_calendar_token(text)", "the account of one feed token, known only to its holder"),
            Map.entry("identity_accept_invitation(text,text)", "one invitation by its secret token, used once"),
            Map.entry("identity_tenant_admins(bigint)", "admins of the caller's tenant or of a fellow member only"),
            Map.entry("audit_entries(bigint,integer)", "the caller's own tenant's entries only"),
            Map.entry("membership_apply(bigint,text,text,text,text,text,text,text,bigint)",
                    "anyone may apply; returns only the new application's id"),
            Map.entry("membership_provision(bigint,text,text,text,date,text,text,text,integer)",
                    "the community's secretariat only"),
            Map.entry("activity_visible(bigint,bigint)", "answers for the caller's tenant only"),
            Map.entry("activity_respond(bigint,bigint,boolean,text,text)", "the caller's own organiser part only"),
            Map.entry("forum_register(bigint,bigint,bigint,bigint,text)",
                    "own people, visible forum; approval from the forum's own setting"),
            Map.entry("forum_cancel(bigint,bigint,bigint,text,text,jsonb,text)",
                    "the host or the registrant's tenant only; returns only the ids of those promoted, tells them itself"),
            Map.entry("forum_decide(bigint,bigint,bigint,boolean)", "the host only"),
            Map.entry("forum_check_in(bigint,bigint,text)", "the host only"),
            Map.entry("forum_choose_breakout(bigint,bigint,bigint,bigint)", "the host or the registrant's tenant only"),
            Map.entry("forum_resize(bigint,bigint,integer)", "the host only"),
            Map.entry("forum_set_quotas(bigint,bigint,jsonb)", "the host only"),
            Map.entry("forum_seats_taken(bigint,bigint,bigint)",
                    "visible forum only; a member's share for that member or the host"),
            Map.entry("forum_breakout_taken(bigint,bigint)", "visible forum only"),
            Map.entry("forum_waitlist_position(bigint,bigint,bigint)",
                    "visible forum, for the host or the registrant's tenant only"),
            Map.entry("throttle_wait(text,text,integer,integer)", "a number of seconds: no tenant's data"),
            Map.entry("throttle_count(text,text)", "counts an event under a key; no tenant's data"),
            Map.entry("throttle_forget(text,text)", "forgets a key's events; no tenant's data"),
            Map.entry("identity_sign_in_failed(text,text,text)",
                    "counts a failure and audits it in the named account's own tenant; returns nothing"),
            Map.entry("identity_upgrade_password(text,text,text)",
                    "replaces only the exact hash the caller verified; returns whether it did")));

    @Test
    void everySecurityDefinerFunctionTheApplicationMayCallHasBeenReviewed() throws SQLException {
        DatabaseSettings db = TestDatabase.migrated("definer");
        List<String> callable = new ArrayList<>();
        try (Connection c = TestDatabase.app(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select replace(p.oid::regprocedure::text, ' ', '') from pg_proc p
                      where p.prosecdef and has_function_privilege(current_user, p.oid, 'execute')
                        and p.pronamespace = 'public'::regnamespace
                      order by 1""")) {
            while (r.next()) {
                callable.add(r.getString(1));
            }
        }
        System.out.println("SECURITY DEFINER functions callable by the application role: " + callable.size()
                + ", reviewed: " + REVIEWED.size());
        assertThat(callable).containsExactlyInAnyOrderElementsOf(REVIEWED.keySet());
    }
}
