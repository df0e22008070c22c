package org.educommons.platform.outbox;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.RequestLocale;

/** The signed-in person's in-app notifications. */
@Path("me/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "In-app notifications (站内通知) of the signed-in person")
@SecurityRequirement(name = "bearer")
public class InboxResource {

    @Inject
    Inbox inbox;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "notifications", summary = "The caller's notifications, newest first, in the request's language (cursor-paged; unread=true)")
    public Page<Inbox.Notification> notifications(@QueryParam("unread") boolean unread, @QueryParam("cursor") String cursor,
                                                  @QueryParam("limit") Integer limit) {
        return inbox.notifications(unread, cursor, limit, RequestLocale.of(headers));
    }

    @GET
    @Path("unread-count")
    @Operation(operationId = "unread", summary = "How many of the caller's notifications are unread")
    public Map<String, Long> unread() {
        return Map.of("unread", inbox.unread());
    }

    @POST
    @Path("{id}/read")
    @Operation(operationId = "markRead", summary = "Mark one of the caller's notifications read")
    public Response markRead(@PathParam("id") long id) {
        inbox.markRead(id);
        return Response.noContent().build();
    }

    @POST
    @Path("read")
    @Operation(operationId = "markAllRead", summary = "Mark all the caller's notifications read")
    public Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead());
    }
}
