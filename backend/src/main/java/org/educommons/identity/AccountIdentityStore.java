package org.educommons.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/** Checks a username and password against the account table (PBKDF2 hashes). */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Logins logins;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var login = logins.byUsername(up.getCaller());
        if (login.isEmpty() || !login.get().enabled() || login.get().passwordHash() == null
                || !passwordHash.verify(up.getPassword().getValue(), login.get().passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        AccountPrincipal principal = login.get().principal();
        return new CredentialValidationResult(principal, principal.groups());
    }
}
