package org.educommons.tenancy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.educommons.platform.problem.ProblemException;

/**
 * A community and its members in roster order (founding members first): the one place that says
 * whether a tenant is a member and turns members' slugs into tenant ids and back.
 */
public record Roster(Community community, List<Membership> members) {

    public Roster {
        members = List.copyOf(members);
    }

    /** Whether tenant {@code tenantId} is a member. */
    public boolean includes(long tenantId) {
        return member(tenantId).isPresent();
    }

    /** 403 unless tenant {@code tenantId} is a member. */
    public void requireMember(long tenantId) {
        if (!includes(tenantId)) {
            throw ProblemException.forbidden();
        }
    }

    /** Whether tenant {@code tenantId} keeps the community's secretariat. */
    public boolean isSecretariat(long tenantId) {
        return member(tenantId).map(Membership::secretariat).orElse(false);
    }

    public Optional<Membership> member(long tenantId) {
        return members.stream().filter(m -> m.tenant().id() == tenantId).findFirst();
    }

    /** The member whose slug is {@code slug}. */
    public Optional<Membership> member(String slug) {
        return members.stream().filter(m -> m.tenant().slug().value().equals(slug)).findFirst();
    }

    /** Member slug → tenant id, in roster order. */
    public Map<String, Long> idsBySlug() {
        Map<String, Long> ids = new LinkedHashMap<>();
        members.forEach(m -> ids.put(m.tenant().slug().value(), m.tenant().id()));
        return ids;
    }

    /** Tenant id → member slug, in roster order. */
    public Map<Long, String> slugsById() {
        Map<Long, String> slugs = new LinkedHashMap<>();
        members.forEach(m -> slugs.put(m.tenant().id(), m.tenant().slug().value()));
        return slugs;
    }

    /** The member's slug; {@code null} when the tenant is not a member. */
    public String slugOf(long tenantId) {
        return member(tenantId).map(m -> m.tenant().slug().value()).orElse(null);
    }

    /** The member's name in Chinese (as notifications and the community read it); empty when not a member. */
    public String nameOf(long tenantId) {
        return member(tenantId).map(m -> m.tenant().name().zh()).orElse("");
    }
}
