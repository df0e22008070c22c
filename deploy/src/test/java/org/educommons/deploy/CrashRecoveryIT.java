package org.educommons.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application server dies while principals register (SIGKILL: no shutdown, no flush), and later the
 * launcher itself dies leaving its server and database running. Each time {@code deploy/run} starts
 * again on the same data folder, and no registration that was acknowledged is missing.
 */
class CrashRecoveryIT {

    private static final List<String> MEMBERS = List.of("luzhou", "yongchuan", "jiangjin", "rongchang", "zigong", "neijiang",
            "yibin", "qijiang", "dazu", "tongliang", "wansheng");

    @TempDir
    Path data;

    /** One answer to a registration: who, the status, and the registration's id when acknowledged. */
    record Attempt(String person, int status, String registration) {
        boolean acknowledged() {
            return status == 200 || status == 201;
        }
    }

    @Test
    void killedMidLoadItComesBackWithEveryAcknowledgedRegistration() throws Exception {
        Product product = new Product(Product.freePort());
        Product.Running first = product.start(data);
        long forum = hostForum(product, product.token("luzhou.admin"));
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (String member : MEMBERS) {
            for (int i = 1; i <= 3; i++) {
                tokens.put(member + ".principal" + i, product.token(member + ".principal" + i));
            }
        }

        // four clients register everybody, retrying whoever was not answered, across the crash
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        Set<String> done = ConcurrentHashMap.newKeySet();
        List<String> people = new ArrayList<>(tokens.keySet());
        List<Thread> clients = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.add(new Thread(() -> {
                while (done.size() < people.size() && System.nanoTime() < deadline) {
                    for (int i = client; i < people.size(); i += 4) {
                        String person = people.get(i);
                        if (done.contains(person)) {
                            continue;
                        }
                        Product.Reply reply = product.post("api/v1/forums/" + forum + "/registrations", "{}",
                                Product.bearer(tokens.get(person)));
                        Attempt attempt = new Attempt(person, reply.status(),
                                reply.status() == 200 || reply.status() == 201 ? reply.json().get("id").asText() : null);
                        attempts.add(attempt);
                        if (attempt.acknowledged()) {
                            done.add(person);
                        }
                        pause(reply.status() < 0 ? 500 : 120);
                    }
                }
            }, "client-" + c));
        }
        clients.forEach(Thread::start);
        while (attempts.stream().filter(Attempt::acknowledged).count() < 6) {
            Thread.sleep(20);
        }

        // 1. the application server is killed; the launcher says so, stops the database and exits
        ProcessHandle server = first.process().toHandle().descendants()
                .filter(p -> p.info().commandLine().map(l -> l.contains("payara-micro.jar")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no application server below " + first.process().pid()));
        server.destroyForcibly();
        assertThat(first.process().waitFor(90, TimeUnit.SECONDS)).as("the launcher ends with its server").isTrue();
        first.reader().join(10_000);
        assertThat(first.process().exitValue()).isNotZero();
        assertThat(first.printed()).contains("the application server ended unexpectedly");
        int beforeRestart = attempts.size();

        Product.Running second = product.start(data);
        for (Thread client : clients) {
            client.join(TimeUnit.MINUTES.toMillis(8));
        }
        assertThat(done).as("everybody registered in the end").hasSize(people.size());
        Set<String> acknowledged = new HashSet<>();
        attempts.stream().filter(Attempt::acknowledged).forEach(a -> acknowledged.add(a.registration()));
        long unreachable = attempts.stream().filter(a -> a.status() < 0).count();
        List<Attempt> refused = attempts.stream().filter(a -> !a.acknowledged() && a.status() >= 0).toList();
        Map<Integer, Long> others = new java.util.TreeMap<>(refused.stream()
                .collect(java.util.stream.Collectors.groupingBy(Attempt::status, java.util.stream.Collectors.counting())));
        Set<String> persisted = registrations(product, forum);
        Product.report("crash", "Application server killed: " + attempts.size() + " attempts (" + beforeRestart
                + " before the restart), " + acknowledged.size() + " registrations acknowledged, " + persisted.size()
                + " persisted, " + unreachable + " met no server, " + refused.size() + " other answers " + others);
        // while it starts again the port stays closed (no half-deployed answers); once open, every registration is acknowledged
        assertThat(refused).as("answered but not acknowledged").isEmpty();
        assertThat(unreachable).as("some requests met the crash").isPositive();
        assertThat(persisted).as("every acknowledged registration is in the database, each person once")
                .containsAll(acknowledged).hasSize(people.size());

        // 2. the launcher itself is killed: its server and database keep running, orphaned
        ProcessHandle orphan = second.process().toHandle().descendants()
                .filter(p -> p.info().commandLine().map(l -> l.contains("payara-micro.jar")).orElse(false))
                .findFirst().orElseThrow();
        second.process().toHandle().destroyForcibly();
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(orphan.isAlive()).as("the server outlives a killed launcher").isTrue();

        Product.Running third = product.start(data);
        assertThat(third.printed()).contains("still running on this data folder; stopping it first",
                "embedded PostgreSQL of an earlier run is still running");
        assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
        assertThat(registrations(product, forum)).isEqualTo(persisted);
        String token = product.token("luzhou.principal1");
        assertThat(product.read("api/v1/me", Product.bearer(token))).contains("luzhou.principal1");
        Product.stop(third);
    }

    private static long hostForum(Product product, String token) {
        LocalDate today = LocalDate.now();
        Product.Reply reply = product.post("api/v1/communities/chuannan-yuxi/forums", """
                {"title":"宕机演练论坛","venue":"泸州市会议中心","startsAt":"%sT09:00:00+08:00","endsAt":"%sT17:00:00+08:00",
                 "registrationOpensAt":"%sT00:00:00+08:00","registrationClosesAt":"%sT00:00:00+08:00","capacity":500,
                 "quotas":{},"approvalRequired":false}"""
                .formatted(today.plusDays(10), today.plusDays(11), today.minusDays(1), today.plusDays(9)), Product.bearer(token));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    /** The ids of every registration of the forum, as its host reads them (all pages). */
    private static Set<String> registrations(Product product, long forum) {
        String token = product.token("luzhou.admin");
        Set<String> ids = new HashSet<>();
        String cursor = "";
        do {
            JsonNode page = product.get("api/v1/forums/" + forum + "/registrations?limit=200" + cursor, Product.bearer(token)).json();
            page.get("items").forEach(r -> ids.add(r.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
