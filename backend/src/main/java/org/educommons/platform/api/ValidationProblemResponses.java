package org.educommons.platform.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routes Bean Validation failures to {@link ProblemResponses}; needed because the JAX-RS runtime
 * brings its own, more specific mapper for them that answers without problem details.
 */
@Provider
public class ValidationProblemResponses implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return ProblemResponses.respond(e, headers, uriInfo);
    }
}
