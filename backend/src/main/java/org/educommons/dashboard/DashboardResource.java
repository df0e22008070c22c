package org.educommons.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.Requests;

/** A community's dashboard figures, the numbers behind its charts. */
@Path("communities/{community}/dashboard/{year}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "A community's figures (数据看板): plans by member and status, activities by type and month, members over the years")
@SecurityRequirement(name = "bearer")
public class DashboardResource {

    @Inject
    CommunityDashboard dashboard;

    @GET
    @Operation(operationId = "communityDashboard", summary = "The community's dashboard for a year: published plan items per member by status "
            + "(the year and the one before), joint activities by type and month, members joined per year (members only)")
    public DashboardDetails dashboard(@PathParam("community") String community, @PathParam("year") int year) {
        return dashboard.of(Requests.community(community), year);
    }
}
