package org.educommons.membership;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.IfMatch;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;

/** Join applications and invitations over HTTP; every rule is in {@link JoinApplications}. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Membership", description = "Joining a community: applications, the joint council's meeting and decision, accepting the invitation")
public class JoinApplicationResource {

    @Inject
    JoinApplications applications;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Context
    jakarta.servlet.http.HttpServletRequest http;

    @Inject
    org.educommons.platform.web.ClientAddress clientAddress;

    /** Body of an invitation acceptance. */
    public record Acceptance(String token, String password) {
    }

    @POST
    @Path("communities/{community}/join-applications")
    @Operation(operationId = "applyToJoin", summary = "Apply to join the community (no account needed)")
    public Response apply(@PathParam("community") String community, JoinApplicationInput input) {
        JoinApplicationDetails view = applications.apply(Requests.community(community), Requests.requireBody(input),
                clientAddress.of(http));
        return Response.created(URI.create(uriInfo.getBaseUri() + "join-applications/" + view.id()))
                .entity(Map.of("id", view.id(), "status", view.status())).build();
    }

    @GET
    @Path("communities/{community}/join-applications")
    @Operation(operationId = "applications", summary = "The community's join applications by id (its secretariat; ?status=PENDING|APPROVED|REJECTED; "
            + "cursor-paged)")
    @SecurityRequirement(name = "bearer")
    public Page<JoinApplicationDetails> applications(@PathParam("community") String community, @QueryParam("status") String status,
                                                  @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return applications.applications(Requests.community(community), status, cursor, limit);
    }

    @POST
    @Path("join-applications/{id}/meeting")
    @Operation(operationId = "scheduleApplication", summary = "Put an open application on the agenda of a joint council meeting ({\"meeting\",\"meetingDate\"}); "
            + "the applicant is told; needs If-Match with the application's version")
    @SecurityRequirement(name = "bearer")
    public Response schedule(@PathParam("id") long id, JoinApplications.Meeting meeting) {
        JoinApplicationDetails scheduled = applications.schedule(id, IfMatch.of(headers), Requests.requireBody(meeting));
        return Response.ok(scheduled).tag(Requests.etag(scheduled.version())).build();
    }

    @POST
    @Path("join-applications/{id}/decision")
    @Operation(operationId = "decideApplication", summary = "Record the joint council's decision: APPROVED provisions the tenant, REJECTED stores the reason "
            + "(an If-Match with the application's version is checked when given)")
    @SecurityRequirement(name = "bearer")
    public Decided decide(@PathParam("id") long id, Decision decision) {
        return applications.decide(id, IfMatch.of(headers), Requests.requireBody(decision));
    }

    @POST
    @Path("invitations/accept")
    @Operation(operationId = "acceptInvitation", summary = "The invited first administrator sets a password (single use, expires)")
    public Map<String, String> accept(Acceptance acceptance) {
        Acceptance a = Requests.requireBody(acceptance);
        return Map.of("username", applications.acceptInvitation(a.token(), a.password()));
    }
}
