package org.educommons.tenantconfig;

import java.time.LocalDate;
import java.util.List;

import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.MembershipRole;
import org.educommons.tenancy.TenantKind;

/** What the definition files say, once read and validated. */
public final class Definitions {

    private Definitions() {
    }

    /**
     * A tenant file. {@code memberships} are communities the tenant joined after their roster was
     * written (a join approval records them here), listed after the roster.
     */
    public record TenantDefinition(String file, String slug, LocalizedName name, TenantKind kind, String region,
                                   String parent, AdminDefinition admin, List<TenantMembership> memberships) {
    }

    /** A tenant file's membership of a community. */
    public record TenantMembership(String community, MemberDefinition member) {
    }

    /** The tenant's first administrator; signs in once an invitation or demo mode gives a password. */
    public record AdminDefinition(String username, String displayName, String email) {
    }

    /** A community file with its roster. */
    public record CommunityDefinition(String file, String slug, LocalizedName name, int foundedIn,
                                      LocalizedName description, List<MemberDefinition> members) {
    }

    /** One line of a community's roster; {@code joinedOn} is null when only the year is on record. */
    public record MemberDefinition(String tenant, MembershipRole role, int joinedYear, LocalDate joinedOn,
                                   String meeting, boolean secretariat) {
    }

    /** A complete, valid set of definitions. */
    public record ConfigSet(List<TenantDefinition> tenants, List<CommunityDefinition> communities) {
    }
}
