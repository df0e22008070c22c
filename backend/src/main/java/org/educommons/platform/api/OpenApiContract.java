package org.educommons.platform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes {@code /openapi} so that a client (and the authorization matrix test) can rely on it:
 * every operation says how it is authenticated ({@code security: [{}]}, no requirement, for anonymous ones; a
 * calendar token for the feeds) and which problem responses it can give, all as
 * {@code application/problem+json} with one {@code Problem} schema; the server URL has no
 * trailing slash.
 */
public class OpenApiContract implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Set<String> FEEDS = Set.of("/api/v1/communities/{community}/calendar.ics", "/api/v1/forums/{id}/calendar.ics");
    private static final Set<String> THROTTLED = Set.of("issueToken", "applyToJoin");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSecurityScheme("calendarToken", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.APIKEY)
                .in(org.eclipse.microprofile.openapi.models.security.SecurityScheme.In.QUERY).name("token")
                .description("A feed token from POST /api/v1/me/calendar-token: opens calendar feeds only"));
        if (openAPI.getServers() != null) {
            openAPI.getServers().forEach(s -> {
                if (s.getUrl() != null && s.getUrl().length() > 1 && s.getUrl().endsWith("/")) {
                    s.setUrl(s.getUrl().substring(0, s.getUrl().length() - 1));
                }
            });
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), op.getKey(), op.getValue());
            }
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (FEEDS.contains(path)) {
            List<SecurityRequirement> either = new ArrayList<>();
            either.add(OASFactory.createSecurityRequirement().addScheme("bearer"));
            either.add(OASFactory.createSecurityRequirement().addScheme("calendarToken"));
            operation.setSecurity(either);
            secured = true;
        } else if (!secured) {
            // anonymous: one empty requirement (security: [{}]), since an empty list is not written out
            List<SecurityRequirement> none = new ArrayList<>();
            none.add(OASFactory.createSecurityRequirement());
            operation.setSecurity(none);
        }
        boolean ids = path.contains("{");
        boolean body = operation.getRequestBody() != null || method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
        boolean write = method != PathItem.HttpMethod.GET;
        problem(operation, "400", "The request is malformed or invalid (field errors name each field)");
        if (secured) {
            problem(operation, "401", "Not signed in, or the token is invalid or expired");
            problem(operation, "403", "Signed in, but not allowed to do this");
        }
        if (ids) {
            problem(operation, "404", "No such resource, or not visible to the caller");
        }
        if (write) {
            problem(operation, "409", "Refused by the current state (already decided, full, raced another write)");
        }
        if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            problem(operation, "412", "The If-Match version is stale");
        }
        if (method == PathItem.HttpMethod.PATCH) {
            problem(operation, "428", "If-Match is required");
        }
        if (body) {
            problem(operation, "413", "The request body exceeds the limit");
        }
        if (THROTTLED.contains(operation.getOperationId())) {
            problem(operation, "429", "Too many attempts from this account or address; see Retry-After");
        }
        problem(operation, "500", "An unexpected failure, logged under the incident id in the detail");
        problem(operation, "503", "The service or its database is unavailable right now");
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        operation.getResponses().addAPIResponse(status, response);
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, in the caller's language (Accept-Language)")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                                .addProperty("field", text).addProperty("message", text)))
                .required(List.of("type", "title", "status"));
    }
}
