package org.educommons.platform.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.Page;

/** A tenant admin reads their tenant's audit trail. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The tenant's audit trail: who changed what, when")
public class AuditResource {

    @Inject
    AuditTrail audit;

    @GET
    @Operation(operationId = "auditTrail", summary = "The caller's tenant's audit entries, newest first (tenant admins)")
    @SecurityRequirement(name = "bearer")
    public Page<AuditTrail.Entry> entries(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return audit.entries(cursor, limit);
    }
}
