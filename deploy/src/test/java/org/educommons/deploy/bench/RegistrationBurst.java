package org.educommons.deploy.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.educommons.deploy.Product;

/**
 * Scenario 1, forum registration opening like a ticket sale: a forum with a capacity and a quota per
 * member; every principal registers at once. Measures the product at saturation (closed model) against
 * the same registration transaction in plain JDBC on the same database, then latency at half the
 * product's throughput (open model), and checks the seat invariants from the answers and the rows.
 */
final class RegistrationBurst {

    private static final String SCENARIO = "registration";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Benchmark.Run run;
    private final Report report;

    RegistrationBurst(Benchmark.Run run, Report report) {
        this.run = run;
        this.report = report;
    }

    void measure() throws Exception {
        Benchmark.Sizes sizes = run.sizes();
        List<BenchDatabase.Principal> principals = run.db().principals(run.members(), sizes.principals(), run.prefix());
        int connections = sizes.connections();
        Load load = new Load(run.product().port(), connections);

        // warm-up: a forum of its own, so that the measured forums start empty
        long warmUp = forum("warm-up");
        int warmUpCount = Math.min(principals.size(), Math.max(50, principals.size() / 5));
        load.closed(register(load, warmUp, principals), connections, warmUpCount, null);

        long measured = forum("burst");
        Map<Integer, JsonNode> answers = new ConcurrentHashMap<>();
        Load.Result product = load.closed(register(load, measured, principals), connections, principals.size(),
                (i, answer) -> answers.put(i, parse(answer)));
        System.out.println("  product: " + product.summary());

        long baselineForum = forum("baseline");
        int jdbcConnections = Math.min(connections, Benchmark.PRODUCT_POOL);
        Load.Result jdbc = jdbcBaseline(load, baselineForum, principals, jdbcConnections);
        System.out.println("  plain JDBC (" + jdbcConnections + " connections): " + jdbc.summary());

        report.ratioAtLeast(SCENARIO, "registrations/s, " + connections + " clients, vs plain JDBC", product.perSecond(),
                "/s", jdbc.perSecond(), 0.6);
        report.info(SCENARIO, "p50 at saturation", product.millis(50), "ms");
        report.info(SCENARIO, "p95 at saturation", product.millis(95), "ms");
        report.info(SCENARIO, "p99 at saturation", product.millis(99), "ms");
        checkInvariants(measured, principals, answers, product);

        // open model: a constant arrival rate of half the saturation throughput
        long openForum = forum("open");
        double rate = product.perSecond() / 2;
        Duration duration = Duration.ofMillis((long) (principals.size() / rate * 1000));
        Load.Result open = load.open(register(load, openForum, principals), rate, duration, connections);
        System.out.println("  open model at " + Math.round(rate) + "/s: " + open.summary());
        report.atMost(SCENARIO, "p99 at " + Math.round(rate) + "/s arriving (half of saturation)", open.millis(99), "ms", 250);
        report.violations(SCENARIO, "failed answers at the constant rate", open.errors());
    }

    /**
     * The members that get the quota: as many as the capacity holds (the product refuses quotas that add
     * up to more seats than there are), in roster order; the others have no limit of their own.
     */
    private List<String> quotaMembers() {
        int fit = run.sizes().capacity() / run.sizes().quota();
        return run.members().keySet().stream().limit(fit).toList();
    }

    private Load.Call register(Load load, long forum, List<BenchDatabase.Principal> principals) {
        return load.post("api/v1/forums/" + forum + "/registrations", "{}",
                i -> Product.bearer(principals.get(i).token()));
    }

    /** A forum of the host, registration open now, with the scenario's capacity and the same quota for every member. */
    private long forum(String title) throws Exception {
        Benchmark.Sizes sizes = run.sizes();
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = JSON.createObjectNode()
                .put("title", "基准测试论坛 " + title + " " + run.prefix())
                .put("venue", "泸州市")
                .put("startsAt", now.plusDays(30).toString())
                .put("endsAt", now.plusDays(30).plusHours(8).toString())
                .put("registrationOpensAt", now.minusHours(1).toString())
                .put("registrationClosesAt", now.plusDays(20).toString())
                .put("capacity", sizes.capacity());
        ObjectNode quotas = body.putObject("quotas");
        quotaMembers().forEach(member -> quotas.put(member, sizes.quota()));
        Product.Reply reply = run.product().post("api/v1/communities/" + Benchmark.COMMUNITY + "/forums", body.toString(),
                Product.bearer(run.hostToken()));
        if (reply.status() != 201) {
            throw new IllegalStateException("the host could not create a forum: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").asLong();
    }

    /**
     * What the database does for one registration, as plain JDBC with the application role: the tenant
     * binding, {@code forum_register}, the audit entry and the registrant's inbox notification, in one
     * transaction per registration, {@code connections} of them at a time (after the same warm-up).
     */
    private Load.Result jdbcBaseline(Load load, long forum, List<BenchDatabase.Principal> principals, int connections)
            throws Exception {
        try (JdbcPool pool = new JdbcPool(run.db(), connections)) {
            long warmUp = forum("baseline-warm-up");
            int warmUpCount = Math.min(principals.size(), Math.max(50, principals.size() / 5));
            load.closed(i -> pool.with(c -> jdbcRegister(c, warmUp, principals.get(i))), connections, warmUpCount, null);
            return load.closed(i -> pool.with(c -> jdbcRegister(c, forum, principals.get(i))), connections,
                    principals.size(), null);
        }
    }

    private Load.Answer jdbcRegister(Connection c, long forum, BenchDatabase.Principal p) throws SQLException {
        try {
            JdbcPool.bindTenant(c, p.tenantId());
            long id;
            String status;
            try (PreparedStatement s = c.prepareStatement(
                    "select registration_id, status, created from forum_register(?, ?, ?, ?, ?)")) {
                s.setLong(1, run.members().get(Benchmark.HOST));
                s.setLong(2, forum);
                s.setLong(3, p.tenantId());
                s.setLong(4, p.accountId());
                s.setString(5, p.username());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                    status = r.getString(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into audit_entry (tenant_id, actor, entity, entity_id, action, changes)
                    values (?, ?, 'forum-registration', ?, 'create', cast(? as jsonb))""")) {
                s.setLong(1, p.tenantId());
                s.setString(2, p.username());
                s.setString(3, String.valueOf(id));
                s.setString(4, "{\"forum\":" + forum + ",\"person\":\"" + p.username() + "\",\"status\":\"" + status + "\"}");
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into notification (tenant_id, account_id, sender_tenant_id, message_key, args)
                    values (?, ?, ?, ?, cast(? as jsonb))""")) {
                s.setLong(1, p.tenantId());
                s.setLong(2, p.accountId());
                s.setLong(3, p.tenantId());
                s.setString(4, "notify.registration." + status);
                s.setString(5, "[\"forum\"]");
                s.executeUpdate();
            }
            c.commit();
            return new Load.Answer(201, status);
        } catch (SQLException e) {
            c.rollback();
            return new Load.Answer(500, e.getMessage());
        }
    }

    private static JsonNode parse(Load.Answer answer) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(answer.body());
            node.put("httpStatus", answer.status());
            return node;
        } catch (Exception e) {
            return JSON.createObjectNode().put("httpStatus", answer.status());
        }
    }

    /** Exactly the seats there are, nobody over quota, a waitlist numbered 1..n, nobody twice, every answer 201. */
    private void checkInvariants(long forum, List<BenchDatabase.Principal> principals, Map<Integer, JsonNode> answers,
                                 Load.Result product) throws SQLException {
        Benchmark.Sizes sizes = run.sizes();
        Map<String, Integer> perMember = new TreeMap<>();
        principals.forEach(p -> perMember.merge(p.tenant(), 1, Integer::sum));
        List<String> limited = quotaMembers();
        long reachable = perMember.entrySet().stream()
                .mapToLong(e -> limited.contains(e.getKey()) ? Math.min(e.getValue(), sizes.quota()) : e.getValue()).sum();
        long expectedConfirmed = Math.min(sizes.capacity(), reachable);

        BenchDatabase.Seats seats = run.db().seats(forum);
        report.violations(SCENARIO, "confirmed seats other than " + expectedConfirmed, Math.abs(seats.confirmed() - expectedConfirmed));
        report.violations(SCENARIO, limited.size() + " members' quota of " + sizes.quota() + " exceeded",
                limited.stream().map(run.members()::get)
                        .filter(id -> seats.confirmedPerMember().getOrDefault(id, 0L) > sizes.quota()).count());
        List<Integer> positions = answers.values().stream()
                .filter(a -> "WAITLISTED".equals(a.path("status").asText()))
                .map(a -> a.path("position").asInt()).sorted().toList();
        long gaps = 0;
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i) != i + 1) {
                gaps++;
            }
        }
        report.violations(SCENARIO, "waitlist places not numbered 1.." + positions.size(), gaps
                + Math.abs(positions.size() - seats.waitlisted()));
        report.violations(SCENARIO, "people registered twice or missing",
                Math.abs(seats.rows() - seats.distinctPeople()) + Math.abs(seats.distinctPeople() - principals.size()));
        report.violations(SCENARIO, "answers other than 201 Created", answers.values().stream()
                .filter(a -> a.path("httpStatus").asInt() != 201).count() + (principals.size() - answers.size()));
    }
}
