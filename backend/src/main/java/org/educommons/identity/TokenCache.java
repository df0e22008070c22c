package org.educommons.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.educommons.platform.database.DatabaseNotifications;

/**
 * The tokens this node has verified, so that a request does not need the database to learn who sends
 * it. Safe with several nodes: whatever ends or narrows a token anywhere (sign-out, a revoked feed
 * link, an account disabled or given other roles, a row deleted by hand) reaches every node as a
 * PostgreSQL notification within milliseconds and drops the entries it concerns. While this node is
 * not listening, notifications would be lost, so the cache is not used at all, and it starts empty
 * whenever listening (re)starts; "listening" means the listener's own heartbeat came back within
 * {@link #HEARD_WITHIN}, so a connection that died without a word switches the cache off too. A lookup that was under way when an invalidation arrived is not
 * cached (a generation count), so a token read just before its revocation cannot be kept after it.
 * An entry also ends when its token expires, and after {@link #MAX_AGE} in any case.
 */
@ApplicationScoped
public class TokenCache {

    /** The longest a verified token is trusted without asking the database again. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final long MAX_ENTRIES = 100_000;
    /** The longest silence of the notification channel after which the cache is not trusted. */
    static final Duration HEARD_WITHIN = Duration.ofMillis(5L * DatabaseNotifications.WAIT_MILLIS);

    private final Clock clock;
    private final Cache<String, Logins.TokenLogin> verified;
    private long generation;
    private boolean connected;
    private long lastHeard;

    public TokenCache() {
        this(Clock.systemUTC());
    }

    TokenCache(Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(MAX_AGE)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /**
     * The account a token opens: from the cache when this node holds it, else through
     * {@code database} (the token's digest → its login), which is then remembered if nothing was
     * invalidated meanwhile.
     *
     * @param scope what the token is good for ({@code API}, {@code CALENDAR}): one scope's token never
     *              opens another's
     */
    public Optional<AccountPrincipal> verify(String scope, String digest,
                                             Function<String, Optional<Logins.TokenLogin>> database) {
        String key = scope + ":" + digest;
        long before;
        synchronized (this) {
            boolean trusted = trusted();
            if (trusted) {
                Logins.TokenLogin hit = verified.getIfPresent(key);
                if (hit != null && hit.expiresAt().isAfter(clock.instant())) {
                    return Optional.of(hit.principal());
                }
            }
            before = trusted ? generation : -1;
        }
        Optional<Logins.TokenLogin> found = database.apply(digest);
        if (found.isPresent() && before >= 0) {
            synchronized (this) {
                if (trusted() && generation == before) {
                    verified.put(key, found.get());
                }
            }
        }
        return found.map(Logins.TokenLogin::principal);
    }

    /** Drops a token, whatever its scope, on this node (its revocation reaches the others by notification). */
    public synchronized void tokenChanged(String digest) {
        generation++;
        verified.invalidate("API:" + digest);
        verified.invalidate("CALENDAR:" + digest);
    }

    synchronized void accountChanged(long tenantId, long accountId) {
        generation++;
        verified.asMap().values().removeIf(l -> l.principal().tenantId() == tenantId && l.principal().accountId() == accountId);
    }

    synchronized void listening(boolean now) {
        forgetAll();
        connected = now;
        lastHeard = clock.millis();
    }

    /** Whether notifications reach this node: connected, and the channel heard from lately. */
    private boolean trusted() {
        return connected && clock.millis() - lastHeard <= HEARD_WITHIN.toMillis();
    }

    /** The channel is alive: the listener's heartbeat came back. */
    synchronized void heard() {
        if (!trusted()) {
            // it had been silent too long: notifications may have been lost, nothing from before is kept
            forgetAll();
        }
        lastHeard = clock.millis();
    }

    private synchronized void forgetAll() {
        generation++;
        verified.invalidateAll();
    }

    synchronized long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    void onListening(@Observes DatabaseNotifications.Listening event) {
        listening(event.listening());
    }

    void onNotification(@Observes DatabaseNotifications.Notification event) {
        if (!DatabaseNotifications.ACCESS.equals(event.channel()) || event.payload() == null) {
            return;
        }
        String payload = event.payload();
        if (payload.equals(DatabaseNotifications.HEARTBEAT)) {
            heard();
        } else if (payload.startsWith("token:")) {
            tokenChanged(payload.substring("token:".length()));
        } else if (payload.startsWith("account:")) {
            String[] ids = payload.substring("account:".length()).split(":");
            try {
                accountChanged(Long.parseLong(ids[0]), Long.parseLong(ids[1]));
            } catch (RuntimeException e) {
                forgetAll(); // a message not understood: forget everything rather than guess
            }
        } else {
            forgetAll(); // 'all' (a table truncated) or anything else: forget everything
        }
    }
}
