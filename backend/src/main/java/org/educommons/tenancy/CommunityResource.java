package org.educommons.tenancy;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.problem.ProblemException;

/** Public directory of communities and tenants. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communities")
public class CommunityResource {

    @Inject
    CommunityDirectory directory;

    @GET
    @Path("communities")
    @Operation(summary = "All communities on the platform")
    public List<CommunityDirectory.CommunitySummary> communities() {
        return directory.communities();
    }

    @GET
    @Path("communities/{slug}")
    @Operation(summary = "A community with its members (names, roles, joined-on dates) in roster order")
    public CommunityDirectory.CommunityDetails community(@PathParam("slug") String slug) {
        if (!CommunitySlug.isValid(slug)) {
            throw ProblemException.notFound("community", slug);
        }
        return directory.community(new CommunitySlug(slug));
    }

    @GET
    @Path("tenants/{slug}")
    @Operation(summary = "A tenant and the communities it belongs to")
    public CommunityDirectory.TenantDetails tenant(@PathParam("slug") String slug) {
        if (!TenantSlug.isValid(slug)) {
            throw ProblemException.notFound("tenant", slug);
        }
        return directory.tenant(new TenantSlug(slug));
    }
}
