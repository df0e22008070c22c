package org.educommons.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.educommons.platform.database.DatabaseNotifications;
import org.junit.jupiter.api.Test;

/** The per-node cache of verified tokens, without a database: what it keeps, and when it must ask again. */
class TokenCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The database as far as tokens go: digest → login; counts the lookups. */
    private static final class Tokens implements Function<String, Optional<Logins.TokenLogin>> {
        final Map<String, Logins.TokenLogin> live = new HashMap<>();
        final AtomicInteger lookups = new AtomicInteger();
        Runnable during = () -> { };

        void add(String digest, long tenant, long account, Instant expires) {
            live.put(digest, new Logins.TokenLogin(new AccountPrincipal(tenant, account, "user" + account, Set.of(Role.PRINCIPAL)), expires));
        }

        @Override
        public Optional<Logins.TokenLogin> apply(String digest) {
            lookups.incrementAndGet();
            during.run();
            return Optional.ofNullable(live.get(digest));
        }
    }

    private final TestClock clock = new TestClock();
    private final TokenCache cache = new TokenCache(clock);
    private final Tokens db = new Tokens();

    /** Moves the clock on while the listener's heartbeats keep arriving. */
    private void advance(long seconds) {
        for (long s = 0; s < seconds; s++) {
            clock.now = clock.now.plusSeconds(1);
            cache.onNotification(new DatabaseNotifications.Notification(DatabaseNotifications.ACCESS,
                    DatabaseNotifications.HEARTBEAT));
        }
    }

    private Optional<AccountPrincipal> api(String digest) {
        return cache.verify("API", digest, db);
    }

    @Test
    void whileNotListeningEveryRequestAsksTheDatabase() {
        db.add("a", 1, 10, T0.plusSeconds(3600));
        assertThat(api("a")).isPresent();
        assertThat(api("a")).isPresent();
        assertThat(db.lookups).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void whileListeningATokenIsVerifiedOnceAndDroppedWhenItChangesAnywhere() {
        cache.onListening(new DatabaseNotifications.Listening(true));
        db.add("a", 1, 10, T0.plusSeconds(3600));
        db.add("b", 1, 11, T0.plusSeconds(3600));
        assertThat(api("a")).map(AccountPrincipal::accountId).contains(10L);
        assertThat(api("a")).isPresent();
        assertThat(api("b")).isPresent();
        assertThat(db.lookups).hasValue(2);

        // another node deleted token a: the notification drops it here, and the database says it is gone
        db.live.remove("a");
        cache.onNotification(new DatabaseNotifications.Notification(DatabaseNotifications.ACCESS, "token:a"));
        assertThat(api("a")).isEmpty();
        assertThat(api("b")).isPresent();
        assertThat(db.lookups).hasValue(3);
        // a notification of another channel, or one not understood, never keeps a token it should drop
        cache.onNotification(new DatabaseNotifications.Notification("elsewhere", "token:b"));
        assertThat(api("b")).isPresent();
        assertThat(db.lookups).hasValue(3);
        cache.onNotification(new DatabaseNotifications.Notification(DatabaseNotifications.ACCESS, "account:x:y"));
        assertThat(api("b")).isPresent();
        assertThat(db.lookups).as("forgotten, asked again").hasValue(4);
    }

    @Test
    void anAccountChangeDropsThatAccountsTokensOnly() {
        cache.listening(true);
        db.add("a1", 1, 10, T0.plusSeconds(3600));
        db.add("a2", 1, 10, T0.plusSeconds(3600));
        db.add("other", 1, 11, T0.plusSeconds(3600));
        db.add("elsewhere", 2, 10, T0.plusSeconds(3600));
        for (String t : new String[] {"a1", "a2", "other", "elsewhere"}) {
            api(t);
        }
        assertThat(cache.size()).isEqualTo(4);
        cache.onNotification(new DatabaseNotifications.Notification(DatabaseNotifications.ACCESS, "account:1:10"));
        assertThat(cache.size()).isEqualTo(2);
        int before = db.lookups.get();
        api("other");
        api("elsewhere");
        assertThat(db.lookups).hasValue(before);
    }

    @Test
    void aLookupUnderWayWhenAnInvalidationArrivesIsNotKept() {
        cache.listening(true);
        db.add("a", 1, 10, T0.plusSeconds(3600));
        // the database answered from before the revocation; the notification came while the answer travelled
        db.during = () -> cache.tokenChanged("a");
        assertThat(api("a")).isPresent();
        db.during = () -> { };
        db.live.remove("a");
        assertThat(api("a")).as("not served from the cache").isEmpty();
        assertThat(db.lookups).hasValue(2);
    }

    @Test
    void aTokenIsTrustedNoLongerThanItLivesNorThanTheMaximumAge() {
        cache.listening(true);
        db.add("short", 1, 10, T0.plusSeconds(30));
        db.add("long", 1, 11, T0.plusSeconds(3600));
        api("short");
        api("long");
        advance(31);
        db.live.remove("short"); // expired: the database no longer finds it
        assertThat(api("short")).isEmpty();
        assertThat(api("long")).isPresent();
        assertThat(db.lookups).hasValue(3);
        advance(TokenCache.MAX_AGE.toSeconds() - 30);
        assertThat(api("long")).isPresent();
        assertThat(db.lookups).as("asked again after the maximum age").hasValue(4);
    }

    @Test
    void aChannelThatFallsSilentSwitchesTheCacheOffAndItStartsEmptyWhenHeardAgain() {
        cache.listening(true);
        db.add("a", 1, 10, T0.plusSeconds(3600));
        api("a");
        advance(20);
        api("a");
        assertThat(db.lookups).as("served from the cache while heartbeats arrive").hasValue(1);

        // the connection died without a word: no heartbeat, no error
        clock.now = clock.now.plus(TokenCache.HEARD_WITHIN).plusSeconds(1);
        db.live.remove("a"); // revoked meanwhile; the notification was lost with the connection
        assertThat(api("a")).as("asked the database, not the cache").isEmpty();
        db.add("a", 1, 10, T0.plusSeconds(3600));
        api("a");
        api("a");
        assertThat(db.lookups).as("nothing kept while silent").hasValue(4);

        // heard again: nothing from before the silence is trusted, new lookups are kept again
        cache.onNotification(new DatabaseNotifications.Notification(DatabaseNotifications.ACCESS,
                DatabaseNotifications.HEARTBEAT));
        assertThat(cache.size()).isZero();
        api("a");
        api("a");
        assertThat(db.lookups).hasValue(5);
    }

    @Test
    void aTruncatedTableOrAnyMessageNotUnderstoodForgetsEverything() {
        cache.listening(true);
        db.add("a", 1, 10, T0.plusSeconds(3600));
        api("a");
        cache.onNotification(new DatabaseNotifications.Notification(DatabaseNotifications.ACCESS, "all"));
        assertThat(cache.size()).isZero();
        api("a");
        cache.onNotification(new DatabaseNotifications.Notification(DatabaseNotifications.ACCESS, "something new"));
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenOfOneScopeNeverOpensAnother() {
        cache.listening(true);
        db.add("a", 1, 10, T0.plusSeconds(3600));
        api("a");
        Tokens calendars = new Tokens();
        assertThat(cache.verify("CALENDAR", "a", calendars)).isEmpty();
        assertThat(calendars.lookups).hasValue(1);
    }

    @Test
    void listeningAgainStartsFromNothing() {
        cache.listening(true);
        db.add("a", 1, 10, T0.plusSeconds(3600));
        api("a");
        cache.onListening(new DatabaseNotifications.Listening(false));
        assertThat(cache.size()).isZero();
        api("a");
        assertThat(cache.size()).as("nothing kept while deaf").isZero();
        cache.onListening(new DatabaseNotifications.Listening(true));
        api("a");
        api("a");
        assertThat(db.lookups).hasValue(3);
        assertThat(Duration.between(T0, clock.instant())).isZero();
    }
}
