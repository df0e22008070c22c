package org.educommons.workplan;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.educommons.platform.api.IfMatch;
import org.educommons.platform.api.MediaTypes;
import org.educommons.platform.api.Page;
import org.educommons.platform.api.RequestLocale;
import org.educommons.platform.api.Requests;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.CommunitySlug;

/** Annual work plans over HTTP; every rule is in {@link WorkPlans}. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work plans", description = "Annual work plans (年度工作计划): a member's items, publishing, history and the combined plan table")
@SecurityRequirement(name = "bearer")
public class WorkPlanResource {

    @Inject
    WorkPlans plans;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    /** Body of a year-end summary. */
    public record Summary(String summary) {
    }

    @GET
    @Path("communities/{community}/plans/{year}/items")
    @Operation(operationId = "myItems", summary = "The caller's own items in its plan for the year, drafts included; with coOrganised=true, "
            + "other members' published items the caller's tenant co-organises (cursor-paged)")
    public Page<PlanItemDetails> myItems(@PathParam("community") String community, @PathParam("year") int year,
                                      @QueryParam("coOrganised") boolean coOrganised, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") Integer limit) {
        return plans.myItems(Requests.community(community), year, coOrganised, cursor, limit);
    }

    @POST
    @Path("communities/{community}/plans/{year}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addItem", summary = "Add a draft item to the caller's plan (tenant admins)")
    public Response addItem(@PathParam("community") String community, @PathParam("year") int year, PlanItemInput input) {
        PlanItemDetails item = plans.addItem(Requests.community(community), year, Requests.requireBody(input));
        return Response.created(URI.create(uriInfo.getBaseUri() + "plan-items/" + item.id()))
                .tag(Requests.etag(item.version())).entity(item).build();
    }

    @GET
    @Path("plan-items/{id}")
    @Operation(operationId = "planItem", summary = "One plan item, with its version as ETag")
    public Response item(@PathParam("id") long id) {
        PlanItemDetails item = plans.item(id);
        return Response.ok(item).tag(Requests.etag(item.version())).build();
    }

    @PATCH
    @Path("plan-items/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "editItem", summary = "Change an item of the caller's plan; needs If-Match with the item's ETag")
    public Response editItem(@PathParam("id") long id, PlanItemEdit edit) {
        PlanItemDetails item = plans.editItem(id, IfMatch.of(headers), Requests.requireBody(edit));
        return Response.ok(item).tag(Requests.etag(item.version())).build();
    }

    @GET
    @Path("plan-items/{id}/history")
    @Operation(operationId = "planItemHistory", summary = "What changed on a published item: when, who, the progress note, before and after")
    public Page<PlanItemChange> history(@PathParam("id") long id, @QueryParam("cursor") String cursor,
                                        @QueryParam("limit") Integer limit) {
        return plans.history(id, cursor, limit);
    }

    @POST
    @Path("communities/{community}/plans/{year}/publish")
    @Operation(operationId = "publishPlan", summary = "Publish the caller's plan: its draft items become visible to the community")
    public Map<String, Integer> publish(@PathParam("community") String community, @PathParam("year") int year) {
        return Map.of("published", plans.publish(Requests.community(community), year));
    }

    @POST
    @Path("communities/{community}/plans/{year}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closePlan", summary = "Close the caller's plan with its year-end summary (年度总结)")
    public Response close(@PathParam("community") String community, @PathParam("year") int year, Summary summary) {
        plans.close(Requests.community(community), year, Requests.requireBody(summary).summary());
        return Response.noContent().build();
    }

    @GET
    @Path("communities/{community}/plans/{year}")
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.XLSX})
    @Operation(operationId = "combinedPlan", summary = "The combined plan table: every member's published items grouped by member, "
            + "filterable by category, month, member and status; .xlsx with ?format=xlsx or Accept (streamed, any size)")
    public Response combined(@PathParam("community") String community, @PathParam("year") int year,
                             @QueryParam("category") String category, @QueryParam("month") Integer month,
                             @QueryParam("member") String member, @QueryParam("status") String status,
                             @QueryParam("format") String format) {
        PlanTable.Filter filter = filter(category, month, member, status);
        CommunitySlug slug = Requests.community(community);
        boolean xlsx = format != null ? "xlsx".equalsIgnoreCase(format.trim())
                : headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.toString().startsWith(MediaTypes.XLSX));
        if (!xlsx) {
            return Response.ok(plans.combined(slug, year, filter), MediaType.APPLICATION_JSON_TYPE).build();
        }
        Locale locale = RequestLocale.of(headers);
        // the first page is read now, so that a caller who may not read the table gets its problem, not a file
        Page<PlanTable.Row> first = plans.table(slug, year, filter, null, PlanTable.EXPORT_PAGE);
        StreamingOutput body = out -> CombinedPlanWorkbook.write(year, locale,
                PlanTable.rows(first, cursor -> plans.table(slug, year, filter, cursor, PlanTable.EXPORT_PAGE)), out);
        return Response.ok(body, MediaTypes.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + community + "-" + year + ".xlsx\"")
                .build();
    }

    @GET
    @Path("communities/{community}/plans/{year}/rows")
    @Operation(operationId = "combinedPlanRows", summary = "The combined plan table a page at a time, for any size of community: "
            + "rows in roster order, each with its member; the same filters as the table; the next page by cursor")
    public Page<PlanTable.Row> rows(@PathParam("community") String community, @PathParam("year") int year,
                                    @QueryParam("category") String category, @QueryParam("month") Integer month,
                                    @QueryParam("member") String member, @QueryParam("status") String status,
                                    @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return plans.table(Requests.community(community), year, filter(category, month, member, status), cursor,
                Page.limit(limit));
    }

    private static PlanTable.Filter filter(String category, Integer month, String member, String status) {
        if (month != null && (month < 1 || month > 12)) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("month", "validation.month")));
        }
        return new PlanTable.Filter(Requests.optionalConstant(PlanCategory.class, "category", category), month,
                member == null || member.isBlank() ? null : member.trim(), Requests.optionalConstant(ItemStatus.class, "status", status));
    }
}
