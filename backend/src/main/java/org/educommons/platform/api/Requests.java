package org.educommons.platform.api;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;

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

    /** An optional enum-valued query parameter: {@code null} when absent or blank; 400 naming the values it may take otherwise. */
    public static <E extends Enum<E>> E optionalConstant(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError(field, "validation.one-of", List.of(type.getEnumConstants()).toString())));
        }
    }

    /** The ETag of a record at {@code version}. */
    public static EntityTag etag(int version) {
        return new EntityTag(String.valueOf(version));
    }
}
