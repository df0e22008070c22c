package org.educommons.membership;

/**
 * What a decision on a join application gives back: {@link Approved} (the application and where the
 * invitation went) or, when rejected, the application itself. (Payara Micro 6's OpenAPI turns an
 * annotated {@code oneOf} into an invalid schema, so {@code /openapi} keeps describing it as an object.)
 */
public sealed interface Decided permits Approved, JoinApplicationDetails {
}
