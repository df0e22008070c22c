package org.educommons.tenancy;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;
import org.educommons.platform.problem.ProblemException;

/** Public directory of communities and tenants. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communities", description = "The public directory: communities, their members, tenants and schools")
public class CommunityResource {

    @Inject
    CommunityDirectory directory;

    @Inject
    Schools schools;

    @GET
    @Path("communities")
    @Operation(operationId = "communities", summary = "All communities on the platform")
    public List<CommunityDirectory.CommunitySummary> communities() {
        return directory.communities();
    }

    @GET
    @Path("communities/{slug}")
    @Operation(operationId = "community", summary = "A community with its members (names, roles, joined-on dates) in roster order")
    public CommunityDirectory.CommunityDetails community(@PathParam("slug") String slug) {
        return directory.community(Requests.community(slug));
    }

    @GET
    @Path("communities/{slug}/schools")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "schools", summary = "Schools of the community's members by id (members only; filter by tenant; cursor-paged)")
    public Page<Schools.School> schools(@PathParam("slug") String slug, @QueryParam("tenant") String tenant,
                                        @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return schools.schools(Requests.community(slug), tenant, cursor, limit);
    }

    @GET
    @Path("tenants/{slug}")
    @Operation(operationId = "tenant", summary = "A tenant and the communities it belongs to")
    public CommunityDirectory.TenantDetails tenant(@PathParam("slug") String slug) {
        if (!TenantSlug.isValid(slug)) {
            throw ProblemException.notFound("tenant", slug);
        }
        return directory.tenant(new TenantSlug(slug));
    }
}
