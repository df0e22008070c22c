package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what, for every operation {@code /openapi} describes: each operation is called by an
 * anonymous caller, a principal, a tenant admin and the secretariat of the tenant that owns the
 * resources named in the path (泸州), by the admin of another member (永川) for whom those are
 * another tenant's ids, and by the admin of a tenant outside every community (局外), who may use
 * what is public and its own account, and nothing of the community. Bodies are empty objects, so a caller who passes the gate meets validation
 * ({@code pass}: 400, 409, 412, 428) or succeeds ({@code ok}); a caller who does not gets 401, 403 or
 * 404. The expected outcome of every cell is in {@link #EXPECTED}; the test fails on any mismatch,
 * on an operation the table lacks and on a row the API no longer has; every write it allows must
 * leave an entry in the audit trail of the caller's tenant. Resources are the test's own
 * (a forum, a plan year, an activity, a join application), so other tests' data stays as it is.
 * Run with {@code -Dmatrix.print=true} to print the table as the server answers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    static final List<String> CALLERS = List.of("anonymous", "luzhou.principal1", "luzhou.admin", "secretariat", "yongchuan.admin",
            "outsider.admin");

    /** operation → expected outcome per caller, in the order of {@link #CALLERS}. */
    static final String EXPECTED = """
            # operation                                                            anon  principal admin secretariat other-member-admin outsider-admin
            # --- public: the directory, signing in, applying to join, accepting an invitation
            GET /api/v1/communities                                                ok    ok    ok    ok    ok    ok
            GET /api/v1/communities/{slug}                                         ok    ok    ok    ok    ok    ok
            GET /api/v1/tenants/{slug}                                             ok    ok    ok    ok    ok    ok
            POST /api/v1/auth/token                                                pass  pass  pass  pass  pass  pass
            POST /api/v1/communities/{community}/join-applications                 pass  pass  pass  pass  pass  pass
            POST /api/v1/invitations/accept                                        pass  pass  pass  pass  pass  pass
            # --- oneself
            GET /api/v1/me                                                         401   ok    ok    ok    ok    ok
            GET /api/v1/auth/token                                                 401   ok    ok    ok    ok    ok
            POST /api/v1/me/calendar-token                                         401   ok    ok    ok    ok    ok
            GET /api/v1/me/calendar-tokens                                         401   ok    ok    ok    ok    ok
            DELETE /api/v1/me/calendar-tokens/{id}                                 401   404   ok    404   404   404
            GET /api/v1/me/notifications                                           401   ok    ok    ok    ok    ok
            GET /api/v1/me/training-record                                         401   ok    ok    ok    ok    ok
            GET /api/v1/training-records                                           401   403   ok    403   ok    ok
            GET /api/v1/me/notifications/unread-count                              401   ok    ok    ok    ok    ok
            POST /api/v1/me/notifications/read                                     401   ok    ok    ok    ok    ok
            POST /api/v1/me/notifications/{id}/read                                401   ok    404   404   404   404
            POST /api/v1/auth/sign-out                                             401   ok    ok    ok    ok    ok
            GET /api/v1/me/workbench                                               401   ok    ok    ok    ok    ok
            GET /api/v1/me/registrations                                           401   ok    ok    ok    ok    ok
            # --- a tenant's own accounts and audit trail: its admins only
            GET /api/v1/accounts                                                   401   403   ok    403   ok    ok
            GET /api/v1/accounts/{id}                                              401   403   ok    403   404   404
            GET /api/v1/audit                                                      401   403   ok    403   ok    ok
            # --- the community's shared tables: every member reads, each writes its own
            GET /api/v1/communities/{slug}/schools                                 401   ok    ok    ok    ok    403
            GET /api/v1/communities/{community}/plans/{year}                       401   ok    ok    ok    ok    403
            GET /api/v1/communities/{community}/plans/{year}/rows                  401   ok    ok    ok    ok    403
            GET /api/v1/communities/{community}/plans/{year}/items                 401   ok    ok    ok    ok    403
            POST /api/v1/communities/{community}/plans/{year}/items                401   403   pass  403   pass  403
            POST /api/v1/communities/{community}/plans/{year}/publish              401   403   ok    403   404   403
            POST /api/v1/communities/{community}/plans/{year}/close                401   403   pass  403   pass  403
            GET /api/v1/plan-items/{id}                                            401   ok    ok    ok    ok    404
            PATCH /api/v1/plan-items/{id}                                          401   403   pass  403   404   404
            GET /api/v1/plan-items/{id}/history                                    401   ok    ok    ok    ok    404
            GET /api/v1/communities/{community}/forums                             401   ok    ok    ok    ok    403
            POST /api/v1/communities/{community}/forums                            401   403   pass  403   pass  403
            GET /api/v1/communities/{community}/calendar.ics                       401   ok    ok    ok    ok    403
            GET /api/v1/communities/{community}/activities                         401   ok    ok    ok    ok    403
            POST /api/v1/communities/{community}/activities                        401   403   pass  403   pass  403
            GET /api/v1/communities/{community}/school-pairings                    401   ok    ok    ok    ok    403
            GET /api/v1/communities/{community}/dashboard/{year}                   401   ok    ok    ok    ok    403
            # --- a forum: members read it, the host runs it, each member acts for its own people
            GET /api/v1/forums/{id}                                                401   ok    ok    ok    ok    404
            PATCH /api/v1/forums/{id}                                              401   403   pass  403   403   404
            GET /api/v1/forums/{id}/calendar.ics                                   401   ok    ok    ok    ok    404
            POST /api/v1/forums/{id}/agenda                                        401   403   pass  403   403   404
            PUT /api/v1/forums/{id}/agenda/{sessionId}                             401   403   pass  403   403   404
            DELETE /api/v1/forums/{id}/agenda/{sessionId}                          401   403   pass  403   403   404
            GET /api/v1/forums/{id}/registrations                                  401   ok    ok    ok    ok    404
            POST /api/v1/forums/{id}/registrations                                 401   ok    pass  pass  pass  404
            GET /api/v1/forums/{id}/registrations.xlsx                             401   ok    ok    ok    ok    404
            DELETE /api/v1/forums/{id}/registrations/{registrationId}              401   403   ok    403   404   404
            PUT /api/v1/forums/{id}/registrations/{registrationId}/breakout        401   403   ok    403   404   404
            GET /api/v1/forums/{id}/registrations/{registrationId}/check-in.png    401   404   ok    404   404   404
            POST /api/v1/forums/{id}/registrations/{registrationId}/decision       401   403   pass  403   403   404
            POST /api/v1/forums/{id}/check-ins                                     401   403   pass  403   403   404
            PUT /api/v1/forums/{id}/credit-hours                                   401   403   ok    403   403   404
            # --- a joint activity under proposal: its organisers only (永川 is not one)
            GET /api/v1/activities/{id}                                            401   ok    ok    ok    404   404
            PATCH /api/v1/activities/{id}                                          401   403   pass  403   404   404
            POST /api/v1/activities/{id}/response                                  401   403   pass  403   404   404
            # --- join applications: the community's secretariat only
            GET /api/v1/communities/{community}/join-applications                  401   403   403   ok    403   403
            POST /api/v1/join-applications/{id}/meeting                            401   403   403   pass  403   403
            POST /api/v1/join-applications/{id}/decision                           401   403   403   pass  403   403
            """;

    /** Marking read what is already read changes nothing, so it leaves nothing in the trail either. */
    static final Set<String> UNAUDITED_WHEN_REPEATED = Set.of("POST /api/v1/me/notifications/read",
            "POST /api/v1/me/notifications/{id}/read");

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() throws Exception {
        Api api = new Api(base);
        OwnResources own = fixtures(api);
        addOutsider();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String caller : CALLERS.subList(1, CALLERS.size())) {
            tokens.put(caller, api.newTokenFor(caller)); // their own: the matrix signs them out at the end
        }

        List<String> operations = OwnResources.operations(api,
                (method, operation) -> Set.of("get", "post", "put", "patch", "delete").contains(method));
        // signing out ends the caller's token: last
        operations.sort((a, b) -> Boolean.compare(a.endsWith("/auth/sign-out"), b.endsWith("/auth/sign-out")));

        Map<String, List<String>> expected = expected();
        List<String> mismatches = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        int cells = 0;
        int writes = 0;
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = own.bind(operation.substring(operation.indexOf(' ') + 1));
            List<String> actual = new ArrayList<>();
            for (String caller : CALLERS) {
                String[] auth = "anonymous".equals(caller) ? new String[0] : Api.bearer(tokens.get(caller));
                String tenant = caller.endsWith(".admin") ? caller.substring(0, caller.indexOf('.')) : "luzhou";
                long auditBefore = lastAuditEntry(tenant);
                Api.Reply reply = call(api, method, path, auth);
                actual.add(outcome(reply.status()));
                cells++;
                if (reply.status() >= 500) {
                    mismatches.add(operation + " as " + caller + ": " + reply.status() + " " + reply.body());
                }
                if (!"GET".equals(method) && reply.status() < 300 && !"anonymous".equals(caller)
                        && !UNAUDITED_WHEN_REPEATED.contains(operation)) {
                    writes++;
                    if (lastAuditEntry(tenant) <= auditBefore) {
                        mismatches.add(operation + " as " + caller + ": allowed, but no entry in " + tenant + "'s audit trail");
                    }
                }
            }
            table.append(String.format("%-70s %s%n", operation, String.join(" ", actual)));
            List<String> want = expected.get(operation);
            if (want == null) {
                mismatches.add(operation + ": not in the table (answers " + actual + ")");
            } else if (!want.equals(actual)) {
                mismatches.add(operation + ": expected " + want + ", answered " + actual);
            }
        }
        Set<String> gone = new HashSet<>(expected.keySet());
        gone.removeAll(operations);
        gone.forEach(o -> mismatches.add(o + ": in the table, no longer in /openapi"));
        if (Boolean.getBoolean("matrix.print")) {
            System.out.println(table);
        }
        org.educommons.testing.Proofs.report("authorization-matrix", "Authorization matrix: " + operations.size() + " operations x " + CALLERS.size() + " callers = "
                + cells + " cells tried, " + writes + " allowed writes checked in the audit trail, " + mismatches.size()
                + " mismatches");
        assertThat(mismatches).isEmpty();
    }

    /**
     * A district that belongs to no community, with an admin who signs in like the demo's (the same
     * password hash): written straight into the database, as an operator would provision it.
     */
    private static void addOutsider() {
        try (java.sql.Connection c = org.educommons.testing.TestDatabase.owner(TestServer.settings());
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("""
                    with t as (insert into tenant (slug, name_zh, name_en, kind, region)
                               values ('outsider', '局外区教育局', 'Outsider District', 'DISTRICT', '某省某市') returning id)
                    insert into account (tenant_id, username, display_name, email, password_hash, roles)
                    select t.id, 'outsider.admin', '局外区管理员', 'outsider.admin@demo.educommons.invalid', a.password_hash, a.roles
                    from t, account a where a.username = 'yongchuan.admin'
                    """);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the newest entry in the audit trail of the tenant {@code slug}. */
    private static long lastAuditEntry(String slug) {
        try (java.sql.Connection c = org.educommons.testing.TestDatabase.owner(TestServer.settings());
             java.sql.PreparedStatement s = c.prepareStatement(
                     "select coalesce(max(e.id), 0) from audit_entry e join tenant t on t.id = e.tenant_id where t.slug = ?")) {
            s.setString(1, slug);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "ok";
        }
        return switch (status) {
            case 400, 409, 412, 413, 428 -> "pass";
            default -> String.valueOf(status);
        };
    }

    private static Api.Reply call(Api api, String method, String path, String[] auth) {
        return switch (method) {
            case "GET" -> api.get(path, auth);
            case "DELETE" -> api.delete(path, auth);
            case "POST" -> api.post(path, "{}", auth);
            case "PUT" -> api.put(path, "{}", auth);
            case "PATCH" -> api.patch(path, "{}", auth);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** The test's own resources of 泸州, plus an account, a calendar token and a notification to name. */
    private static OwnResources fixtures(Api api) {
        // another principal's registration: luzhou.principal1 must not act on it, its admin and the host may
        OwnResources own = OwnResources.make(api, "权限矩阵测试", 2044, "luzhou.principal2", false);
        String luzhou = api.tokenFor("luzhou.admin");
        own.with("accounts/", api.get("api/v1/me", Api.bearer(luzhou)).json().get("id").asText());
        api.post("api/v1/me/calendar-token", "", Api.bearer(luzhou));
        own.with("me/calendar-tokens/", api.get("api/v1/me/calendar-tokens", Api.bearer(luzhou)).json().get(0).get("id").asText());
        // a notification of luzhou.principal1's own: confirmed at a second forum
        long second = api.hostForum(luzhou, "权限矩阵通知论坛", 10, "{}", false);
        assertThat(api.post("api/v1/forums/" + second + "/registrations", "{}", Api.bearer(api.tokenFor("luzhou.principal1")))
                .status()).isEqualTo(201);
        JsonNode notes = api.get("api/v1/me/notifications?unread=true", Api.bearer(api.tokenFor("luzhou.principal1"))).json().get("items");
        return own.with("me/notifications/", notes.get(0).get("id").asText());
    }

    private static Map<String, List<String>> expected() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : EXPECTED.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            rows.put(parts[0] + " " + parts[1], List.of(parts).subList(2, parts.length));
        }
        return rows;
    }
}
