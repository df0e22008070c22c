package org.educommons.identity;


import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.Page;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.TenantContext;

/** Signing in to the API and reading accounts. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class IdentityResource {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    AccessTokens tokens;

    @Inject
    TenantContext tenantContext;

    @Inject
    AccountDirectory accounts;

    /** Body of a token request. */
    public static class TokenRequest {
        @NotBlank(message = "{validation.required}")
        @Size(max = 64, message = "{validation.too-long}")
        public String username;

        @NotNull(message = "{validation.required}")
        @Size(min = 1, max = 256, message = "{validation.required}")
        public String password;
    }

    @POST
    @Path("auth/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a username and password for a bearer token")
    public AccessTokens.Issued token(@NotNull(message = "{validation.body-required}") @Valid TokenRequest request) {
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(request.username, new Password(request.password)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof AccountPrincipal principal)) {
            throw new ProblemException(401, "bad-credentials");
        }
        tenantContext.verifiedSignIn(principal);
        return tokens.issue(principal);
    }

    @POST
    @Path("me/calendar-token")
    @Operation(summary = "A token for subscribing to calendar feeds (*.ics?token=…), valid for a year")
    @SecurityRequirement(name = "bearer")
    public AccessTokens.Issued calendarToken() {
        return tokens.issueCalendarToken(tenantContext.requireCaller());
    }

    @GET
    @Path("me")
    @Operation(summary = "The signed-in account")
    @SecurityRequirement(name = "bearer")
    public AccountDirectory.AccountView me() {
        return accounts.me();
    }

    @GET
    @Path("accounts")
    @Operation(summary = "Accounts of the caller's tenant (tenant admins)")
    @SecurityRequirement(name = "bearer")
    public Page<AccountDirectory.AccountView> accounts(@QueryParam("cursor") String cursor,
                                                      @QueryParam("limit") Integer limit) {
        return accounts.accountsOfMyTenant(cursor, limit);
    }

    @GET
    @Path("accounts/{id}")
    @Operation(summary = "One account of the caller's tenant (tenant admins)")
    @SecurityRequirement(name = "bearer")
    public AccountDirectory.AccountView account(@PathParam("id") long id) {
        return accounts.account(id);
    }
}
