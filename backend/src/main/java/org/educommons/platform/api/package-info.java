/**
 * The HTTP API's frame: the JAX-RS application under {@code /api/v1}, strict JSON input, cursor
 * pages, If-Match preconditions, the caller's language, problem details (RFC 9457) for every error,
 * and the OpenAPI description's contract (security, error responses, operation ids).
 */
package org.educommons.platform.api;
