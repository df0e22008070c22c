package org.educommons.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.educommons.platform.database.Row;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.TenantTransactional;

/**
 * Bearer tokens for the API: random, opaque, stored only as a SHA-256 digest, valid for a
 * configured time ({@code educommons.token.lifetime}, ISO-8601 duration, default one hour).
 */
@ApplicationScoped
public class AccessTokens {

    private static final Duration CALENDAR_LIFETIME = Duration.ofDays(365);

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    Logins logins;

    @Inject
    AuditTrail audit;

    @Inject
    TokenCache cache;

    @Inject
    @ConfigProperty(name = "educommons.token.lifetime", defaultValue = "PT1H")
    String lifetime;

    /** A newly issued token. */
    public record Issued(String accessToken, String tokenType, long expiresIn) {
    }

    /** A bearer token for the API. */
    @TenantTransactional
    public Issued issue(AccountPrincipal principal) {
        return issue(principal, "API", Duration.parse(lifetime));
    }

    /** A token for calendar subscriptions (.ics feeds only), valid for a year. */
    @TenantTransactional
    public Issued issueCalendarToken(AccountPrincipal principal) {
        return issue(principal, "CALENDAR", CALENDAR_LIFETIME);
    }

    private Issued issue(AccountPrincipal principal, String scope, Duration validFor) {
        String token = Secrets.newToken();
        em.createNativeQuery("""
                        insert into access_token (tenant_id, token_hash, account_id, expires_at, scope)
                        values (?1, ?2, ?3, now() + ?4 * interval '1 second', ?5)""")
                .setParameter(1, principal.tenantId())
                .setParameter(2, Secrets.digest(token))
                .setParameter(3, principal.accountId())
                .setParameter(4, validFor.toSeconds())
                .setParameter(5, scope)
                .executeUpdate();
        // the token itself is never recorded, only that one was issued, for what and for how long
        audit.record("account", principal.accountId(), "token-issued",
                Map.of("scope", scope, "validForSeconds", validFor.toSeconds()));
        return new Issued(token, "Bearer", validFor.toSeconds());
    }

    /** A calendar token as its owner sees it: never the token itself. */
    public record CalendarToken(long id, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    }

    /** The caller's live calendar tokens, newest first. */
    @TenantTransactional
    public List<CalendarToken> calendarTokens(AccountPrincipal principal) {
        return Row.list(em.createNativeQuery("""
                        select id, created_at, expires_at from access_token
                         where tenant_id = ?1 and account_id = ?2 and scope = 'CALENDAR' and expires_at > now()
                         order by id desc""")
                .setParameter(1, principal.tenantId()).setParameter(2, principal.accountId()),
                r -> new CalendarToken(r.getLong(0), r.getOffsetDateTime(1), r.getOffsetDateTime(2)));
    }

    /** Revokes one of the caller's calendar tokens at once; 404 when it is not theirs. */
    @TenantTransactional
    public void revokeCalendarToken(AccountPrincipal principal, long id) {
        List<String> revoked = Row.list(em.createNativeQuery("""
                        delete from access_token
                         where tenant_id = ?1 and account_id = ?2 and id = ?3 and scope = 'CALENDAR'
                        returning token_hash""")
                .setParameter(1, principal.tenantId()).setParameter(2, principal.accountId()).setParameter(3, id),
                r -> r.getString(0));
        if (revoked.isEmpty()) {
            throw ProblemException.notFound("calendar-token", id);
        }
        // this node at once; the others when the deletion commits (a notification)
        revoked.forEach(cache::tokenChanged);
        audit.record("account", principal.accountId(), "token-revoked", Map.of("scope", "CALENDAR", "token", id));
    }

    /** Signing out of the API: the bearer token presented ends at once. */
    @TenantTransactional
    public void revoke(AccountPrincipal principal, String token) {
        if (!wellFormed(token)) {
            return;
        }
        String digest = Secrets.digest(token);
        int revoked = em.createNativeQuery("""
                        delete from access_token
                         where tenant_id = ?1 and account_id = ?2 and token_hash = ?3 and scope = 'API'""")
                .setParameter(1, principal.tenantId()).setParameter(2, principal.accountId())
                .setParameter(3, digest)
                .executeUpdate();
        cache.tokenChanged(digest);
        if (revoked > 0) {
            audit.record("account", principal.accountId(), "sign-out", Map.of("scope", "API"));
        }
    }

    /** The account an API token opens, if it is live (verified tokens are cached: {@link TokenCache}). */
    public Optional<AccountPrincipal> verify(String token) {
        return wellFormed(token) ? cache.verify("API", Secrets.digest(token), logins::byTokenHash) : Optional.empty();
    }

    /** The account a calendar-feed token opens, if it is live. */
    public Optional<AccountPrincipal> verifyCalendarToken(String token) {
        return wellFormed(token) ? cache.verify("CALENDAR", Secrets.digest(token), logins::byCalendarTokenHash)
                : Optional.empty();
    }

    private static boolean wellFormed(String token) {
        return token != null && !token.isEmpty() && token.length() <= 100;
    }
}
