package org.educommons.identity;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.Page;
import org.educommons.platform.web.ClientAddress;
import org.educommons.tenancy.TenantContext;

/** Signing in to the API and reading accounts. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity", description = "Signing in and out, one's own account, calendar tokens, a tenant's accounts")
public class IdentityResource {

    @Inject
    SignIns signIns;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest http;

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
    @Operation(operationId = "issueToken", summary = "Exchange a username and password for a bearer token")
    public AccessTokens.Issued token(@NotNull(message = "{validation.body-required}") @Valid TokenRequest request) {
        AccountPrincipal principal = signIns.signIn(request.username, request.password, clientAddress.of(http), "token");
        tenantContext.verifiedSignIn(principal);
        return tokens.issue(principal);
    }

    /** Who a bearer token stands for, as the token check found them. */
    public record TokenHolder(String username, long tenantId, long accountId, Set<Role> roles) {
    }

    /**
     * Who the presented bearer token stands for (token introspection): answered from the token check
     * alone, with no further database work, so it is also the cheapest signed-in call there is.
     */
    @GET
    @Path("auth/token")
    @Operation(operationId = "tokenHolder", summary = "Who the presented bearer token stands for (username, tenant, roles)")
    @SecurityRequirement(name = "bearer")
    public TokenHolder tokenHolder() {
        AccountPrincipal caller = tenantContext.requireCaller();
        return new TokenHolder(caller.username(), caller.tenantId(), caller.accountId(), caller.roles());
    }

    @POST
    @Path("auth/sign-out")
    @Operation(operationId = "signOut", summary = "Sign out of the API: the bearer token of this call stops working at once")
    @SecurityRequirement(name = "bearer")
    public Response signOut(@HeaderParam("Authorization") String authorization) {
        AccountPrincipal caller = tenantContext.requireCaller();
        tokens.revoke(caller, authorization == null ? null : authorization.replaceFirst("(?i)^Bearer\\s+", "").trim());
        return Response.noContent().build();
    }

    @GET
    @Path("me/calendar-tokens")
    @Operation(operationId = "calendarTokens", summary = "The caller's live calendar tokens (never the tokens themselves), newest first")
    @SecurityRequirement(name = "bearer")
    public List<AccessTokens.CalendarToken> calendarTokens() {
        return tokens.calendarTokens(tenantContext.requireCaller());
    }

    @DELETE
    @Path("me/calendar-tokens/{id}")
    @Operation(operationId = "revokeCalendarToken", summary = "Revoke one of the caller's calendar tokens: feeds using it stop at once")
    @SecurityRequirement(name = "bearer")
    public Response revokeCalendarToken(@PathParam("id") long id) {
        tokens.revokeCalendarToken(tenantContext.requireCaller(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("me/calendar-token")
    @Operation(operationId = "calendarToken", summary = "A token for subscribing to calendar feeds (*.ics?token=…), valid for a year")
    @SecurityRequirement(name = "bearer")
    public AccessTokens.Issued calendarToken() {
        return tokens.issueCalendarToken(tenantContext.requireCaller());
    }

    @GET
    @Path("me")
    @Operation(operationId = "me", summary = "The signed-in account")
    @SecurityRequirement(name = "bearer")
    public AccountDirectory.AccountDetails me() {
        return accounts.me();
    }

    @GET
    @Path("accounts")
    @Operation(operationId = "accounts", summary = "Accounts of the caller's tenant (tenant admins)")
    @SecurityRequirement(name = "bearer")
    public Page<AccountDirectory.AccountDetails> accounts(@QueryParam("cursor") String cursor,
                                                      @QueryParam("limit") Integer limit) {
        return accounts.accountsOfMyTenant(cursor, limit);
    }

    @GET
    @Path("accounts/{id}")
    @Operation(operationId = "account", summary = "One account of the caller's tenant (tenant admins)")
    @SecurityRequirement(name = "bearer")
    public AccountDirectory.AccountDetails account(@PathParam("id") long id) {
        return accounts.account(id);
    }
}
