package org.educommons.platform.problem;

import java.util.List;

/**
 * RFC 9457 problem details, as the API sends them ({@code application/problem+json}).
 *
 * @param type     stable URI of the problem type
 * @param title    short summary in the caller's language
 * @param status   HTTP status
 * @param detail   explanation of this occurrence in the caller's language
 * @param instance the request path
 * @param errors   invalid fields, if any
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldMessage> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://educommons.org/problems/";

    public record FieldMessage(String field, String message) {
    }
}
