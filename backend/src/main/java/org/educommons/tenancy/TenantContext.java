package org.educommons.tenancy;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.problem.ProblemException;

/**
 * The one way to learn who is calling and for which tenant: the account the container
 * authenticated (login session or bearer token). Nothing the client sends in a body or header
 * can change it.
 */
@RequestScoped
public class TenantContext {

    @Inject
    SecurityContext securityContext;

    private AccountPrincipal verified;

    /** The signed-in account, if any. */
    public Optional<AccountPrincipal> caller() {
        if (verified != null) {
            return Optional.of(verified);
        }
        var principals = securityContext.getPrincipalsByType(AccountPrincipal.class);
        return principals.isEmpty() ? Optional.empty() : Optional.of(principals.iterator().next());
    }

    /** The signed-in account; 401 when there is none. */
    public AccountPrincipal requireCaller() {
        return caller().orElseThrow(ProblemException::unauthorized);
    }

    /** The signed-in account holding one of {@code roles}; 401 or 403 otherwise. */
    public AccountPrincipal requireRole(Role... roles) {
        AccountPrincipal caller = requireCaller();
        for (Role role : roles) {
            if (caller.has(role)) {
                return caller;
            }
        }
        throw ProblemException.forbidden();
    }

    /** The tenant whose rows this request may touch, or empty for an anonymous request. */
    public Optional<Long> tenantId() {
        return caller().map(AccountPrincipal::tenantId);
    }

    /**
     * Records an account whose credentials the application itself has just verified (token
     * issuance), for the rest of this request.
     */
    public void verifiedSignIn(AccountPrincipal principal) {
        this.verified = principal;
    }
}
