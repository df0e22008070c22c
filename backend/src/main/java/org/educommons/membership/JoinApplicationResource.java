package org.educommons.membership;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.Requests;

/** Join applications and invitations over HTTP; every rule is in {@link JoinApplications}. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class JoinApplicationResource {

    @Inject
    JoinApplications applications;

    @Context
    UriInfo uriInfo;

    /** Body of an invitation acceptance. */
    public record Acceptance(String token, String password) {
    }

    @POST
    @Path("communities/{community}/join-applications")
    @Operation(summary = "Apply to join the community (no account needed)")
    public Response apply(@PathParam("community") String community, JoinApplicationInput input) {
        JoinApplicationView view = applications.apply(Requests.community(community), Requests.requireBody(input));
        return Response.created(URI.create(uriInfo.getBaseUri() + "join-applications/" + view.id()))
                .entity(Map.of("id", view.id(), "status", view.status())).build();
    }

    @GET
    @Path("communities/{community}/join-applications")
    @Operation(summary = "The community's join applications (its secretariat)")
    public List<JoinApplicationView> applications(@PathParam("community") String community) {
        return applications.applications(Requests.community(community));
    }

    @POST
    @Path("join-applications/{id}/decision")
    @Operation(summary = "Record the joint council's decision: APPROVED provisions the tenant, REJECTED stores the reason")
    public Object decide(@PathParam("id") long id, Decision decision) {
        return applications.decide(id, Requests.requireBody(decision));
    }

    @POST
    @Path("invitations/accept")
    @Operation(summary = "The invited first administrator sets a password (single use, expires)")
    public Map<String, String> accept(Acceptance acceptance) {
        Acceptance a = Requests.requireBody(acceptance);
        return Map.of("username", applications.acceptInvitation(a.token(), a.password()));
    }
}
