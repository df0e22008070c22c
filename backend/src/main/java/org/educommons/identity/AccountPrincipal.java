package org.educommons.identity;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.security.enterprise.CallerPrincipal;

/**
 * The signed-in caller: which account, of which tenant, with which roles. The tenant of every
 * request comes from here (or from the path of a public page), never from what the client sends.
 */
public final class AccountPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final long tenantId;
    private final long accountId;
    private final Set<Role> roles;

    public AccountPrincipal(long tenantId, long accountId, String username, Set<Role> roles) {
        super(username);
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.roles = Set.copyOf(roles);
    }

    public long tenantId() {
        return tenantId;
    }

    public long accountId() {
        return accountId;
    }

    public String username() {
        return getName();
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The roles as Jakarta Security groups. */
    public Set<String> groups() {
        return roles.stream().map(Enum::name).collect(Collectors.toSet());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal p && p.tenantId == tenantId && p.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, accountId);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + getName() + "@" + tenantId + "]";
    }
}
