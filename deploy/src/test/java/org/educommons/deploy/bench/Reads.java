package org.educommons.deploy.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.educommons.deploy.Product;

/**
 * Scenario 3, reads: what members open all day (the community home, its forum list, a forum, the
 * combined plan table), each at saturation against an authenticated no-op on the same server
 * ({@code GET /api/v1/auth/token}: the token check and nothing else), then at half that rate.
 */
final class Reads {

    private static final String SCENARIO = "reads";

    private final Benchmark.Run run;
    private final Report report;

    Reads(Benchmark.Run run, Report report) {
        this.run = run;
        this.report = report;
    }

    void measure() throws Exception {
        Benchmark.Sizes sizes = run.sizes();
        String[] bearer = Product.bearer(run.memberToken());
        Load load = new Load(run.product().port(), sizes.readConnections());
        long forum = anyForum();

        Map<String, Load.Call> pages = new LinkedHashMap<>();
        pages.put("community home", load.get("api/v1/communities/" + Benchmark.COMMUNITY, bearer));
        pages.put("forum list", load.get("api/v1/communities/" + Benchmark.COMMUNITY + "/forums", bearer));
        pages.put("a forum", load.get("api/v1/forums/" + forum, bearer));
        pages.put("plan table " + Benchmark.PLAN_YEAR, load.get("api/v1/communities/" + Benchmark.COMMUNITY + "/plans/"
                + Benchmark.PLAN_YEAR, bearer));

        Load.Call noOp = load.get("api/v1/auth/token", bearer);
        load.closedFor(noOp, sizes.readConnections(), sizes.warmUp());
        Load.Result baseline = load.closedFor(noOp, sizes.readConnections(), sizes.saturation());
        System.out.println("  authenticated no-op: " + baseline.summary());
        report.info(SCENARIO, "authenticated no-op, " + sizes.readConnections() + " connections", baseline.perSecond(), "/s");
        report.violations(SCENARIO, "failed answers of the no-op", baseline.errors());

        for (var page : pages.entrySet()) {
            load.closedFor(page.getValue(), sizes.readConnections(), sizes.warmUp());
            Load.Result saturated = load.closedFor(page.getValue(), sizes.readConnections(), sizes.saturation());
            System.out.println("  " + page.getKey() + ": " + saturated.summary());
            report.ratioAtLeast(SCENARIO, page.getKey() + ", " + sizes.readConnections() + " connections, vs no-op",
                    saturated.perSecond(), "/s", baseline.perSecond(), 0.4);
            double rate = saturated.perSecond() / 2;
            Load.Result open = load.open(page.getValue(), rate, sizes.openFor(), sizes.readConnections());
            System.out.println("  " + page.getKey() + " at " + Math.round(rate) + "/s: " + open.summary());
            report.atMost(SCENARIO, page.getKey() + ", p99 at " + Math.round(rate) + "/s arriving", open.millis(99), "ms", 50);
            report.violations(SCENARIO, page.getKey() + ": failed answers", saturated.errors() + open.errors());
        }
    }

    private long anyForum() {
        var forums = run.product().get("api/v1/communities/" + Benchmark.COMMUNITY + "/forums",
                Product.bearer(run.memberToken())).json();
        var items = forums.has("items") ? forums.get("items") : forums;
        if (!items.isArray() || items.isEmpty()) {
            throw new IllegalStateException("the community has no forum to read: " + forums);
        }
        return items.get(0).get("id").asLong();
    }
}
