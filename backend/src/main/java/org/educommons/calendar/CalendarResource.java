package org.educommons.calendar;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.RequestLocale;
import org.educommons.platform.api.Requests;

/** Calendar feeds to subscribe to (bearer token, or {@code ?token=} from {@code POST /me/calendar-token}). */
@Path("")
@RequestScoped
@Tag(name = "Calendars", description = "iCalendar feeds of a forum and of a community (forums, agenda sessions, joint activities)")
@SecurityRequirement(name = "bearer")
public class CalendarResource {

    @Inject
    CommunityCalendar calendars;

    @Context
    HttpHeaders headers;

    @GET
    @Path("forums/{id}/calendar.ics")
    @Produces(Ics.MEDIA_TYPE)
    @Operation(operationId = "forumCalendar", summary = "The forum and its agenda sessions as iCalendar events (bearer token, or ?token= from POST /me/calendar-token)")
    public Response forumCalendar(@PathParam("id") long id) {
        return ics(calendars.forum(id), "forum-" + id);
    }

    @GET
    @Path("communities/{community}/calendar.ics")
    @Produces(Ics.MEDIA_TYPE)
    @Operation(operationId = "communityCalendar", summary = "The community's forums, their agenda sessions and its joint activities as a calendar feed to subscribe to (?token= from POST /me/calendar-token)")
    public Response communityCalendar(@PathParam("community") String community) {
        return ics(calendars.community(Requests.community(community), RequestLocale.of(headers)), community);
    }

    private static Response ics(CommunityCalendar.Feed feed, String name) {
        return Response.ok(Ics.write(feed.name(), feed.events()), Ics.MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"")
                .build();
    }
}
