package org.educommons.platform.api;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.CommunitySlug;

/** What every resource checks on a request before handing it to a service. */
public final class Requests {

    private Requests() {
    }

    /** The request body; 400 when it is missing. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("body", "validation.body-required")));
        }
        return body;
    }

    /** The community named in the path; 404 for a name no community can have. */
    public static CommunitySlug community(String slug) {
        if (!CommunitySlug.isValid(slug)) {
            throw ProblemException.notFound("community", slug);
        }
        return new CommunitySlug(slug);
    }

    /** The ETag of a record at {@code version}. */
    public static EntityTag etag(int version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * The version the caller last saw, from {@code If-Match}, where a transition accepts one: null
     * without the header, 412 when it cannot be a version of ours.
     */
    public static Integer optionalIfMatchVersion(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        return ifMatch == null || ifMatch.isBlank() ? null : ifMatchVersion(headers);
    }

    /**
     * The version the caller last saw, from {@code If-Match}: 428 without one, 412 when it cannot be
     * a version of ours.
     */
    public static int ifMatchVersion(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "precondition-failed");
        }
    }
}
