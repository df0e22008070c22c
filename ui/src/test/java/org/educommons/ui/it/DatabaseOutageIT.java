package org.educommons.ui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.educommons.testing.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes away while principals register for a forum, and comes back: requests during the
 * outage answer 503 problem details within seconds instead of hanging, health says DOWN, the service
 * recovers by itself, and every registration that was answered 201 is in the database afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    /** One attempt: who, what came back, how long it took. */
    record Attempt(String person, int status, String contentType, long millis, String registration) {
    }

    @Test
    void registrationsDuringADatabaseRestartAreRefusedQuicklyAndNoAcknowledgedOneIsLost() throws Exception {
        Assumptions.assumeTrue(TestDatabase.canRestart(), "needs the embedded PostgreSQL, which the test can stop");
        Api api = new Api(base);
        long forum = api.hostForum(api.tokenFor("luzhou.admin"), "数据库故障演练论坛", 500, "{}", false);
        List<String> people = new ArrayList<>();
        for (String slug : List.of("luzhou", "yongchuan", "jiangjin", "rongchang", "zigong", "neijiang", "yibin", "qijiang",
                "dazu", "tongliang", "wansheng")) {
            for (int i = 1; i <= 3; i++) {
                people.add(slug + ".principal" + i);
            }
        }
        List<String> tokens = people.stream().map(api::tokenFor).toList();

        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean down = new AtomicBoolean();
        List<String> healthWhileDown = new CopyOnWriteArrayList<>();
        Thread load = new Thread(() -> {
            for (int round = 0; round < 400 && attempts.stream().filter(a -> a.status() == 201).count() < people.size(); round++) {
                int next = round % people.size();
                if (attempts.stream().anyMatch(a -> a.status() == 201 && a.person().equals(people.get(next)))) {
                    continue;
                }
                long start = System.nanoTime();
                Api.Reply reply = api.post("api/v1/forums/" + forum + "/registrations", "{}", Api.bearer(tokens.get(next)));
                String id = reply.status() == 201 ? reply.json().get("id").asText() : null;
                attempts.add(new Attempt(people.get(next), reply.status(), reply.contentType(),
                        (System.nanoTime() - start) / 1_000_000, id));
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        load.start();
        while (attempts.size() < 8 && load.isAlive()) {
            Thread.sleep(50);
        }
        TestDatabase.restart(() -> {
            down.set(true);
            try {
                Thread.sleep(6_000);
                healthWhileDown.add(api.get("health").body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        load.join(180_000);
        assertThat(load.isAlive()).as("the load finished").isFalse();

        List<Attempt> refused = attempts.stream().filter(a -> a.status() != 201).toList();
        Set<String> acknowledged = new HashSet<>();
        attempts.stream().filter(a -> a.status() == 201).forEach(a -> acknowledged.add(a.registration()));
        Set<String> persisted = new HashSet<>();
        try (Connection c = TestDatabase.owner(TestServer.settings()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id from forum_registration where forum_id = " + forum)) {
            while (r.next()) {
                persisted.add(r.getString(1));
            }
        }
        long slowest = refused.stream().mapToLong(Attempt::millis).max().orElse(0);
        org.educommons.testing.Proofs.report("database-outage", "Database outage: " + attempts.size() + " attempts, " + acknowledged.size() + " acknowledged, "
                + persisted.size() + " persisted, " + refused.size() + " refused (slowest refusal " + slowest + " ms)");
        assertThat(healthWhileDown).singleElement().asString().contains("DOWN");
        assertThat(refused).as("some requests met the outage").isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(503);
                    assertThat(a.contentType()).startsWith("application/problem+json");
                });
        assertThat(slowest).as("refused within seconds, not hung").isLessThan(15_000);
        assertThat(acknowledged).as("everybody registered in the end: the service recovered by itself").hasSize(people.size());
        assertThat(persisted).as("every acknowledged registration is in the database").containsAll(acknowledged);
        assertThat(api.get("health").body()).contains("UP");

        // and every acknowledged registration's confirmation mail leaves once the database is back: the mail
        // sender's two-second runs failed during the outage, and must not have given up
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        Set<String> mailed = new HashSet<>();
        while (mailed.size() < people.size() && System.nanoTime() < deadline) {
            for (jakarta.mail.internet.MimeMessage m : TestServer.smtp().getReceivedMessages()) {
                if (m.getSubject().contains("数据库故障演练论坛")) {
                    for (jakarta.mail.Address to : m.getAllRecipients()) {
                        mailed.add(to.toString().replace("@demo.educommons.invalid", ""));
                    }
                }
            }
            Thread.sleep(250);
        }
        assertThat(mailed).as("confirmation mails delivered after the outage").containsExactlyInAnyOrderElementsOf(people);
    }
}
