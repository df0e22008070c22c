package org.educommons.membership;

import java.time.LocalDate;

/**
 * Fired inside the approving transaction once a tenant exists, so that the tenant configuration can
 * be written back (a failure there undoes the approval).
 */
public record TenantProvisioned(String slug, String nameZh, String nameEn, String kind, String region,
                                String parent, String community, LocalDate joinedOn, String meeting, String adminUsername,
                                String adminName, String adminEmail) {
}
