package org.educommons.activity;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;

/** Joint activities over HTTP; the rules are in the application services this delegates to. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "Joint activities (联合活动) organised by several members: proposal, answers, outcome, school pairs")
@SecurityRequirement(name = "bearer")
public class ActivityResource {

    @Inject
    ActivityProposals proposals;

    @Inject
    ActivityAnswers answers;

    @Inject
    ActivityOutcomes outcomes;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Path("communities/{community}/activities")
    @Operation(operationId = "activities", summary = "Joint activities of the community the caller sees: confirmed ones, and those it organises "
            + "(cursor-paged; filter by type and status)")
    public Page<ActivityDetails> activities(@PathParam("community") String community, @QueryParam("type") String type,
                                         @QueryParam("status") String status, @QueryParam("cursor") String cursor,
                                         @QueryParam("limit") Integer limit) {
        ActivityProposals.Filter filter = new ActivityProposals.Filter(
                Requests.optionalConstant(ActivityType.class, "type", type),
                Requests.optionalConstant(ActivityStatus.class, "status", status));
        return proposals.activities(Requests.community(community), filter, cursor, limit);
    }

    @POST
    @Path("communities/{community}/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "proposeActivity", summary = "Propose a joint activity with other members (tenant admins); they confirm their part")
    public Response propose(@PathParam("community") String community, ActivityInput input) {
        ActivityDetails activity = proposals.propose(Requests.community(community), Requests.requireBody(input));
        return Response.created(URI.create(uriInfo.getBaseUri() + "activities/" + activity.id()))
                .tag(Requests.etag(activity.version())).entity(activity).build();
    }

    @GET
    @Path("activities/{id}")
    @Operation(operationId = "activity", summary = "A joint activity with its organisers, schools, plan items, school pairs and outcome; "
            + "its version as ETag")
    public Response activity(@PathParam("id") long id) {
        ActivityDetails activity = proposals.activity(id);
        return Response.ok(activity).tag(Requests.etag(activity.version())).build();
    }

    /** An organiser's answer: {@code CONFIRMED}, or {@code DECLINED} with a note saying why. */
    public record Answer(String decision, String note) {
    }

    @POST
    @Path("activities/{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "respond", summary = "An organiser confirms or declines its part ({\"decision\":\"CONFIRMED\"|\"DECLINED\",\"note\"})")
    @SecurityRequirement(name = "bearer")
    public Response respond(@PathParam("id") long id, Answer answer) {
        ActivityDetails activity = answers.respond(id, Requests.requireBody(answer).decision(), answer.note());
        return Response.ok(activity).tag(Requests.etag(activity.version())).build();
    }

    @PATCH
    @Path("activities/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "editActivity", summary = "The proposer reports the outcome (status DONE, outcome, attachments) or cancels "
            + "(status CANCELLED, reason); needs If-Match with the activity's ETag")
    public Response edit(@PathParam("id") long id, ActivityEdit edit) {
        ActivityDetails activity = outcomes.edit(id, IfMatch.of(headers), Requests.requireBody(edit));
        return Response.ok(activity).tag(Requests.etag(activity.version())).build();
    }

    @GET
    @Path("communities/{community}/school-pairings")
    @Operation(operationId = "pairings", summary = "School pairs (结对帮扶) of the community's confirmed activities (cursor-paged); filter by member and by a "
            + "day they are in force (activeOn=YYYY-MM-DD)")
    public Page<ActivityDetails.Pairing> pairings(@PathParam("community") String community,
                                               @QueryParam("tenant") String tenant,
                                               @QueryParam("activeOn") String activeOn, @QueryParam("cursor") String cursor,
                                               @QueryParam("limit") Integer limit) {
        LocalDate day;
        try {
            day = activeOn == null || activeOn.isBlank() ? null : LocalDate.parse(activeOn.trim());
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("activeOn", "validation.date")));
        }
        return proposals.pairings(Requests.community(community), tenant, day, cursor, limit);
    }
}
