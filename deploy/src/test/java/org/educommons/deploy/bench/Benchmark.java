package org.educommons.deploy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.educommons.deploy.Product;
import org.educommons.platform.database.DatabaseSettings;
import org.educommons.platform.database.LocalPostgres;

/**
 * The benchmark: starts the product ({@code deploy/run}) against a PostgreSQL of its own (embedded,
 * or the server {@code EDUCOMMONS_DB_URL} names, with {@code EDUCOMMONS_DB_USER} / {@code _PASSWORD}
 * as its owner), with the demo community, runs each scenario after a warm-up, prints every figure with
 * its baseline from the same run and PASS/MISS against the targets, and writes them to
 * {@code target/bench/<scale>.json}. {@code -Dbench.scale=smoke} runs tiny sizes in seconds (CI);
 * the default is the full run. Exits 1 when any figure misses its target.
 */
public final class Benchmark {

    static final String COMMUNITY = "chuannan-yuxi";
    static final String HOST = "luzhou";
    static final int PLAN_YEAR = 2023;
    /** The product's connection pool (maxPoolSize of its data source): the plain-JDBC baselines use as many. */
    static final int PRODUCT_POOL = 40;

    /** How big a run is. */
    record Sizes(String name, int principals, int capacity, int quota, int connections, int readConnections,
                 int planTenants, int planItems, int planConnections, int totalTenants, int joins, int sessions,
                 Duration warmUp, Duration saturation, Duration openFor) {

        static Sizes named(String name) {
            return switch (name) {
                case "smoke" -> new Sizes("smoke", 110, 30, 4, 16, 16, 40, 5, 4, 60, 5, 3,
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1));
                case "full" -> new Sizes("full", 3_000, 300, 40, 200, 200, 2_800, 30, 16, 3_000, 100, 200,
                        Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15));
                default -> throw new IllegalArgumentException("bench.scale is smoke or full, not " + name);
            };
        }

        /** The sizes as the JSON report shows them (durations in seconds). */
        Map<String, Object> describe() {
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("name", name);
            d.put("principals", principals);
            d.put("capacity", capacity);
            d.put("quota", quota);
            d.put("connections", connections);
            d.put("readConnections", readConnections);
            d.put("planTenants", planTenants);
            d.put("planItemsPerTenant", planItems);
            d.put("planConnections", planConnections);
            d.put("tenantsInConfig", totalTenants);
            d.put("joins", joins);
            d.put("vaadinSessions", sessions);
            d.put("warmUpSeconds", warmUp.toSeconds());
            d.put("saturationSeconds", saturation.toSeconds());
            d.put("openSeconds", openFor.toSeconds());
            return d;
        }
    }

    /** What the scenarios share: the running product, its database, the members and signed-in callers. */
    record Run(Product product, BenchDatabase db, Sizes sizes, Map<String, Long> members, String prefix,
               String hostToken, String memberToken) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Report report = run(Sizes.named(System.getProperty("bench.scale", "full")));
        System.exit(report.misses() == 0 ? 0 : 1);
    }

    /** Runs every scenario at {@code sizes} and returns the figures (also printed and written as JSON). */
    static Report run(Sizes sizes) throws Exception {
        // EDUCOMMONS_BENCH_SCENARIOS=reads (say) runs only those, while looking into one of them
        java.util.Set<String> scenarios = java.util.Set.of(System.getenv().getOrDefault("EDUCOMMONS_BENCH_SCENARIOS",
                "registration,plantable,reads,onboarding,memory").split(","));
        Report report = new Report();
        report.context("scale", sizes.describe());
        report.context("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        Path work = Files.createTempDirectory("educommons-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        String appPassword = secret();
        String externalUrl = System.getenv("EDUCOMMONS_DB_URL");
        LocalPostgres embedded = null;
        String url;
        String owner;
        String ownerPassword;
        if (externalUrl == null || externalUrl.isBlank()) {
            ownerPassword = secret();
            embedded = LocalPostgres.start(work.resolve("postgres"), 0, ownerPassword);
            embedded.ensureDatabase("educommons");
            url = embedded.jdbcUrl("educommons");
            owner = LocalPostgres.SUPERUSER;
            report.context("database", "embedded PostgreSQL");
        } else {
            url = externalUrl;
            owner = System.getenv().getOrDefault("EDUCOMMONS_DB_USER", "postgres");
            ownerPassword = System.getenv().getOrDefault("EDUCOMMONS_DB_PASSWORD", "");
            report.context("database", url);
        }
        Product product = new Product(Product.freePort());
        Product.Running running = null;
        try {
            System.out.println("EduCommons benchmark (" + sizes.name() + "): starting the product on " + url);
            long started = System.nanoTime();
            Map<String, String> settings = new java.util.HashMap<>(Map.of(
                    "EDUCOMMONS_DB_URL", url, "EDUCOMMONS_DB_USER", owner, "EDUCOMMONS_DB_PASSWORD", ownerPassword,
                    "EDUCOMMONS_DB_APP_PASSWORD", appPassword, "EDUCOMMONS_DEMO", "true",
                    // the onboarding scenario's applications all come from this machine
                    "EDUCOMMONS_JOIN_APPLICATIONS_PER_HOUR", "100000"));
            String profile = System.getenv("EDUCOMMONS_BENCH_PROFILE");
            if (profile != null && !profile.isBlank()) {
                // every JVM of the product records a flight recording, written when it stops
                Path recordings = Files.createDirectories(Path.of("target", "bench", "jfr").toAbsolutePath());
                settings.put("JDK_JAVA_OPTIONS", "-XX:FlightRecorderOptions:stackdepth=256 "
                        + "-XX:StartFlightRecording:settings=default,filename=" + recordings + "/");
                report.context("profile", recordings.toString());
            }
            Path data = work.resolve("data");
            PlanTableScale.writeConfig(data.resolve("tenant-config"), sizes);
            running = product.start(data, settings);
            report.info("start-up", "deploy/run to ready, first start: demo data, " + sizes.totalTenants()
                    + " tenants and their plans in tenant-config", (System.nanoTime() - started) / 1e9, "s");
            Product.stop(running);
            running = null;
            BenchDatabase db = new BenchDatabase(url, owner, ownerPassword, DatabaseSettings.DEFAULT_APP_USER, appPassword);
            db.analyze();
            started = System.nanoTime();
            running = product.start(data, settings);
            report.atMost("start-up", "deploy/run to ready, second start, " + sizes.totalTenants() + " tenants",
                    (System.nanoTime() - started) / 1e9, "s", 20);

            String prefix = "b" + Long.toString(System.currentTimeMillis(), 36);
            Run run = new Run(product, db, sizes, db.members(COMMUNITY), prefix,
                    product.token(HOST + ".admin"), product.token(HOST + ".principal1"));
            Memory memory = new Memory(run, report, Memory.server(running));
            memory.resident("idle after the second start");

            if (scenarios.contains("registration")) {
                System.out.println("Scenario 1: registration burst, " + sizes.principals() + " principals of "
                        + run.members().size() + " members, capacity " + sizes.capacity() + ", quota " + sizes.quota()
                        + " for as many members as the capacity holds");
                new RegistrationBurst(run, report).measure();
                memory.resident("after scenario 1");
            }
            if (scenarios.contains("plantable")) {
                System.out.println("Scenario 2: the combined plan table, " + sizes.planTenants() + " members with "
                        + sizes.planItems() + " items each, " + sizes.planConnections() + " clients");
                new PlanTableScale(run, report).measure();
            }
            if (scenarios.contains("reads")) {
                System.out.println("Scenario 3: reads at " + sizes.readConnections() + " connections");
                new Reads(run, report).measure();
            }
            if (scenarios.contains("onboarding")) {
                System.out.println("Scenario 4: onboarding, " + sizes.joins() + " join applications approved in a row");
                new Onboarding(run, report).measure();
            }
            if (scenarios.contains("memory")) {
                System.out.println("Scenario 5: memory, " + sizes.sessions() + " Vaadin sessions opened in a browser");
                memory.measure();
            }
        } finally {
            if (running != null) {
                Product.stop(running);
            }
            if (embedded != null) {
                embedded.close();
            }
            // the product's data and the embedded database (hundreds of MB); the figures are in target/bench
            org.educommons.deploy.Launcher.deleteRecursively(work);
        }
        Path json = report.write(Path.of("target", "bench"), sizes.name());
        System.out.println();
        System.out.println("EduCommons benchmark (" + sizes.name() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores): " + report.misses() + " of " + report.figures().size() + " figures miss their target");
        System.out.print(report.table());
        System.out.println("Figures: " + json.toAbsolutePath());
        return report;
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }
}
