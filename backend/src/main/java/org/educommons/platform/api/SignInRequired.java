package org.educommons.platform.api;

import java.io.IOException;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.educommons.platform.problem.ProblemException;

/**
 * What {@code /openapi} says is what is enforced: an operation declared with the {@code bearer}
 * security requirement answers 401 to an anonymous caller before anything else is looked at — its
 * body, its If-Match, its ids — so that nobody learns more than "sign in first".
 */
@Provider
public class SignInRequired implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        SecurityRequirement requirement = resource.getResourceMethod().getAnnotation(SecurityRequirement.class);
        if (requirement != null && "bearer".equals(requirement.name())) {
            context.register(new Gate());
        }
    }

    /** Refuses a request without an authenticated caller. */
    static final class Gate implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            if (request.getSecurityContext() == null || request.getSecurityContext().getUserPrincipal() == null) {
                throw ProblemException.unauthorized();
            }
        }
    }
}
