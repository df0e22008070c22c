package org.educommons.deploy.bench;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.educommons.deploy.Product;

/**
 * Scenario 4, onboarding: {@code joins} cities apply to join the community over the API, and its
 * secretariat approves them one after another as a joint council would, each approval provisioning
 * the new tenant (tenant, membership, first administrator and the invitation mail, in one
 * transaction). Reports the time per approval; checks afterwards that every new member is on the
 * roster, once. Runs last: it makes the community larger for anything measured after it.
 */
final class Onboarding {

    private static final String SCENARIO = "onboarding";

    private final Benchmark.Run run;
    private final Report report;

    Onboarding(Benchmark.Run run, Report report) {
        this.run = run;
        this.report = report;
    }

    void measure() throws Exception {
        int joins = run.sizes().joins();
        String path = "api/v1/communities/" + Benchmark.COMMUNITY;
        int before = run.product().get(path, Product.bearer(run.memberToken())).json().get("members").size();
        List<Long> applications = new ArrayList<>();
        long refused = 0;
        for (int n = 1; n <= joins; n++) {
            Product.Reply reply = run.product().post(path + "/join-applications", """
                    {"name":"基准测试新成员%1$d教育局","nameEn":"Bench newcomer %1$d","kind":"DISTRICT","region":"基准省",
                     "contactName":"联系人%1$d","contactEmail":"join%1$d@bench.educommons.invalid","reason":"申请加入共同体"}"""
                    .formatted(n));
            if (reply.status() == 201) {
                applications.add(reply.json().get("id").asLong());
            } else {
                refused++;
                System.out.println("  application " + n + " refused: " + reply.status() + " " + reply.body());
            }
        }
        report.violations(SCENARIO, "applications refused", refused);

        String[] secretariat = Product.bearer(run.product().token("secretariat"));
        Histogram latency = new Histogram(60_000_000L, 3);
        long failed = 0;
        long started = System.nanoTime();
        for (int i = 0; i < applications.size(); i++) {
            String decision = """
                    {"decision":"APPROVED","meeting":"第九次联席会","meetingDate":"2026-12-01","slug":"%s-join-%03d"}"""
                    .formatted(run.prefix(), i + 1);
            long sent = System.nanoTime();
            Product.Reply reply = run.product().post("api/v1/join-applications/" + applications.get(i) + "/decision",
                    decision, secretariat);
            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
            if (reply.status() != 200) {
                failed++;
                System.out.println("  approval " + (i + 1) + ": " + reply.status() + " " + reply.body());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  %d approvals in %.1f s: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", applications.size(), seconds,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
        report.info(SCENARIO, "approval and provisioning, p50 per tenant", latency.getValueAtPercentile(50) / 1000.0, "ms");
        report.atMost(SCENARIO, "approval and provisioning, p99 per tenant (" + applications.size() + " in a row)",
                latency.getValueAtPercentile(99) / 1000.0, "ms", 1_000);
        report.violations(SCENARIO, "approvals not answered 200", failed);

        int after = run.product().get(path, Product.bearer(run.memberToken())).json().get("members").size();
        report.violations(SCENARIO, "approved tenants missing from the roster (or there twice)",
                Math.abs((long) after - before - (applications.size() - failed)));
    }
}
