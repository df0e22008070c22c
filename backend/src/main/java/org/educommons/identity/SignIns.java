package org.educommons.identity;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.throttle.Throttle;

/**
 * Signing in with a username and password, on the form and for an API token alike: throttled per
 * account name and per client address (counted in PostgreSQL, so every node sees the same count),
 * every failure counted and audited, the same work for unknown accounts, and a hash from an older
 * work factor replaced on success.
 */
@ApplicationScoped
public class SignIns {

    /** Request attribute holding the {@link ProblemException} of a refused sign-in on the form. */
    public static final String FAILURE = SignIns.class.getName() + ".failure";

    @Inject
    Logins logins;

    @Inject
    Passwords passwords;

    @Inject
    Throttle throttle;

    @Inject
    @ConfigProperty(name = "educommons.sign-in.failures-per-account", defaultValue = "5")
    int failuresPerAccount;

    @Inject
    @ConfigProperty(name = "educommons.sign-in.failures-per-address", defaultValue = "20")
    int failuresPerAddress;

    @Inject
    @ConfigProperty(name = "educommons.sign-in.window", defaultValue = "PT15M")
    String window;

    private Throttle.Limit perAccount;
    private Throttle.Limit perAddress;

    @PostConstruct
    void configure() {
        perAccount = new Throttle.Limit("sign-in-account", failuresPerAccount, Duration.parse(window));
        perAddress = new Throttle.Limit("sign-in-address", failuresPerAddress, Duration.parse(window));
    }

    /**
     * The account whose password this is; 401 {@code bad-credentials} otherwise, and 429
     * {@code too-many-sign-ins} (with the seconds to wait) while the account or address is throttled
     * — then even the right password is refused.
     *
     * @param channel {@code form} or {@code token}, for the audit trail
     */
    public AccountPrincipal signIn(String username, String password, String address, String channel) {
        String name = username == null ? "" : username.trim();
        int wait = Math.max(throttle.secondsToWait(perAccount, name.toLowerCase(java.util.Locale.ROOT)),
                throttle.secondsToWait(perAddress, address));
        if (wait > 0) {
            throw ProblemException.tooManyRequests("too-many-sign-ins", wait);
        }
        var login = name.isEmpty() || name.length() > 64 ? java.util.Optional.<Logins.Login>empty() : logins.byUsername(name);
        String stored = login.map(Logins.Login::passwordHash).orElse(null);
        boolean valid = passwords.verify(password == null ? "" : password, stored) && login.get().enabled();
        if (!valid) {
            logins.failed(name, address, channel);
            throw new ProblemException(401, "bad-credentials");
        }
        logins.succeeded(name);
        if (passwords.needsUpgrade(stored)) {
            logins.upgradePassword(name, stored, passwords.hash(password));
        }
        return login.get().principal();
    }
}
