package org.educommons.forum;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.educommons.platform.api.MediaTypes;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.Requests;
import org.educommons.platform.problem.ProblemException;

/** Joint forums and registration over HTTP; the rules are in the application services this delegates to. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forums", description = "Joint forums (论坛): hosting, registration with seats, quotas and waitlist, the agenda, check-in")
@SecurityRequirement(name = "bearer")
public class ForumResource {

    @Inject
    ForumHosting hosting;

    @Inject
    ForumRegistrations registrations;

    @Inject
    ForumAgenda agenda;

    @Inject
    ForumCheckIns checkIns;

    @Context
    UriInfo uriInfo;

    @Inject
    ForumOverview overview;

    @Context
    HttpHeaders headers;

    /** Body of a registration: empty for oneself, or the username of one of the tenant's principals. */
    public record RegistrationRequest(String username) {
    }

    @GET
    @Path("me/registrations")
    @Operation(operationId = "myRegistrations", summary = "The caller's own registrations across forums, cancelled ones aside "
            + "(upcoming=true: forums not yet ended, soonest first; otherwise latest first)")
    public java.util.List<ForumOverview.MyRegistration> myRegistrations(@QueryParam("upcoming") boolean upcoming) {
        return overview.myRegistrations(upcoming);
    }

    @GET
    @Path("communities/{community}/forums")
    @Operation(operationId = "forums", summary = "Forums of the community (members; cursor-paged)")
    public Page<ForumDetails> forums(@PathParam("community") String community, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit) {
        return hosting.forums(Requests.community(community), cursor, limit);
    }

    @POST
    @Path("communities/{community}/forums")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "hostForum", summary = "Host a forum in the community (tenant admins of a member)")
    public Response host(@PathParam("community") String community, ForumInput input) {
        ForumDetails forum = hosting.host(Requests.community(community), Requests.requireBody(input));
        return Response.created(URI.create(uriInfo.getBaseUri() + "forums/" + forum.id()))
                .tag(Requests.etag(forum.version())).entity(forum).build();
    }

    @GET
    @Path("forums/{id}")
    @Operation(operationId = "forum", summary = "A forum with the seats left, in total and for the caller's member, and its agenda; "
            + "its version as ETag")
    public Response forum(@PathParam("id") long id) {
        ForumDetails forum = hosting.forum(id);
        return Response.ok(forum).tag(Requests.etag(forum.version())).build();
    }

    @PATCH
    @Path("forums/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "editForum", summary = "The host changes its forum (fields left out stay); needs If-Match with the forum's ETag. "
            + "Added seats go to the waitlist in order; fewer seats than confirmed is 409. quotas replaces the whole "
            + "share-out ({} removes it; a member below its confirmed seats is 409); planItem 0 unlinks the plan item")
    public Response edit(@PathParam("id") long id, ForumEdit edit) {
        ForumDetails forum = hosting.edit(id, IfMatch.of(headers), Requests.requireBody(edit));
        return Response.ok(forum).tag(Requests.etag(forum.version())).build();
    }

    @POST
    @Path("forums/{id}/registrations")
    @Operation(operationId = "register", summary = "Register (201 CONFIRMED, WAITLISTED with position, or PENDING); a repeated request returns "
            + "the existing registration (200)")
    public Response register(@PathParam("id") long id, RegistrationRequest request) {
        ForumRegistrations.Registered registered = registrations.register(id, Requests.requireBody(request).username());
        RegistrationDetails r = registered.registration();
        if (!registered.created()) {
            return Response.ok(r).build();
        }
        return Response.created(URI.create(uriInfo.getBaseUri() + "forums/" + id + "/registrations/" + r.id()))
                .entity(r).build();
    }

    @DELETE
    @Path("forums/{id}/registrations/{registrationId}")
    @Operation(operationId = "cancel", summary = "Cancel a registration; the first waitlisted person whose member has quota moves up")
    public RegistrationDetails cancel(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        return registrations.cancel(id, registrationId);
    }

    @GET
    @Path("forums/{id}/registrations")
    @Operation(operationId = "registrations", summary = "Registrations by id: all for the host, the own tenant's for a member's admin, one's own for a "
            + "principal (cursor-paged)")
    public Page<RegistrationDetails> registrations(@PathParam("id") long id, @QueryParam("cursor") String cursor,
                                                @QueryParam("limit") Integer limit) {
        return registrations.registrations(id, cursor, limit);
    }

    /** Body of the host's decision on a pending registration. */
    public record RegistrationDecision(String decision) {
    }

    @POST
    @Path("forums/{id}/registrations/{registrationId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideRegistration", summary = "The host approves or rejects a registration awaiting approval ({\"decision\":\"APPROVED\"|\"REJECTED\"})")
    @SecurityRequirement(name = "bearer")
    public RegistrationDetails decide(@PathParam("id") long id, @PathParam("registrationId") long registrationId,
                                   RegistrationDecision decision) {
        return registrations.decide(id, registrationId, decision == null ? null : decision.decision());
    }

    @GET
    @Path("forums/{id}/registrations.xlsx")
    @Produces(MediaTypes.XLSX)
    @Operation(operationId = "registrantsXlsx", summary = "The registrations the caller may see as a spreadsheet, grouped by member")
    public Response registrantsXlsx(@PathParam("id") long id) {
        ForumDetails forum = hosting.forum(id);
        List<RegistrationDetails> rows = registrations.allRegistrations(id);
        jakarta.ws.rs.core.StreamingOutput body = out -> RegistrantsWorkbook.write(forum, rows,
                org.educommons.platform.api.RequestLocale.of(headers), out);
        return Response.ok(body, MediaTypes.XLSX)
                .header("Content-Disposition", "attachment; filename=\"forum-" + id + "-registrations.xlsx\"").build();
    }

    @POST
    @Path("forums/{id}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addSession", summary = "The host adds a keynote or a breakout group (with an optional capacity) to the agenda; "
            + "an If-Match with the forum's version is checked when given; the forum's new ETag comes back")
    public Response addSession(@PathParam("id") long id, SessionInput session) {
        ForumAgenda.AgendaChange added = agenda.addSession(id, IfMatch.of(headers), Requests.requireBody(session));
        return Response.created(URI.create(uriInfo.getBaseUri() + "forums/" + id + "/agenda/" + added.session().id()))
                .entity(added.session()).tag(Requests.etag(added.forumVersion())).build();
    }

    @PUT
    @Path("forums/{id}/agenda/{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSession", summary = "The host changes a session of the agenda (If-Match: the forum's version); a breakout group "
            + "cannot shrink below the people who chose it (409)")
    public Response replaceSession(@PathParam("id") long id, @PathParam("sessionId") long sessionId, SessionInput session) {
        ForumAgenda.AgendaChange changed = agenda.replaceSession(id, sessionId, IfMatch.of(headers),
                Requests.requireBody(session));
        return Response.ok(changed.session()).tag(Requests.etag(changed.forumVersion())).build();
    }

    @DELETE
    @Path("forums/{id}/agenda/{sessionId}")
    @Operation(operationId = "removeSession", summary = "The host removes a session from the agenda (If-Match: the forum's version); a breakout group "
            + "people have chosen stays until they choose another (409)")
    public Response removeSession(@PathParam("id") long id, @PathParam("sessionId") long sessionId) {
        ForumAgenda.AgendaChange removed = agenda.removeSession(id, sessionId, IfMatch.of(headers));
        return Response.noContent().tag(Requests.etag(removed.forumVersion())).build();
    }

    /** Body of a breakout choice: the session id, or null for none. */
    public record BreakoutChoice(Long session) {
    }

    @PUT
    @Path("forums/{id}/registrations/{registrationId}/breakout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "chooseBreakout", summary = "Choose the breakout group of a confirmed registration ({\"session\": id, or null for none); "
            + "409 when the group is full")
    public RegistrationDetails chooseBreakout(@PathParam("id") long id, @PathParam("registrationId") long registrationId,
                                           BreakoutChoice choice) {
        return registrations.chooseBreakout(id, registrationId, Requests.requireBody(choice).session());
    }

    /** Body of a credit-hours setting: the hours, or null for none. */
    public record CreditHours(java.math.BigDecimal hours) {
    }

    @PUT
    @Path("forums/{id}/credit-hours")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setCreditHours", summary = "The host sets the credit hours (学时) each person checked in earns on their "
            + "training record, once ({\"hours\": 6}, or null for none)")
    public CreditHours setCreditHours(@PathParam("id") long id, CreditHours body) {
        return new CreditHours(checkIns.creditHours(id, Requests.requireBody(body).hours()));
    }

    /** Body of a check-in. */
    public record CheckIn(String code) {
    }

    @POST
    @Path("forums/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkIn", summary = "The host checks a person in by code (accepted once: 409 the second time, 404 unknown)")
    public RegistrationDetails checkIn(@PathParam("id") long id, CheckIn checkIn) {
        return checkIns.checkIn(id, checkIn == null ? null : checkIn.code());
    }

    @GET
    @Path("forums/{id}/registrations/{registrationId}/check-in.png")
    @Produces(CheckInCodes.MEDIA_TYPE)
    @Operation(operationId = "checkInQr", summary = "The check-in code of a confirmed registration as a QR image")
    public Response checkInQr(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        return Response.ok(checkIns.checkInQr(id, registrationId), CheckInCodes.MEDIA_TYPE).build();
    }
}
