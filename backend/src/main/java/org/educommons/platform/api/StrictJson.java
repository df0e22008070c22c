package org.educommons.platform.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.educommons.platform.problem.ProblemException;

/**
 * What a JSON request body must be before any capability reads it: valid UTF-8, no control
 * characters in its strings (beyond tab and line breaks), no text longer than {@value #MAX_TEXT}
 * characters in any field (each capability sets tighter limits where a field has a natural size),
 * and no field the endpoint does not know — a misspelt or invented field is an error (400), never
 * silently dropped.
 */
@Provider
public class StrictJson implements ReaderInterceptor, ContextResolver<Jsonb> {

    /** The longest text any field may hold: a year-end summary or an outcome report, not a book. */
    public static final int MAX_TEXT = 20_000;

    /** Made on first use: only the server has a JSON-B implementation, the checks below need none. */
    private static final class Mapper {
        static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
                .setProperty("jsonb.fail-on-unknown-properties", true));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return Mapper.JSONB;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(400, "malformed-body");
        }
        if (hasControlCharacter(text)) {
            throw new ProblemException(400, "malformed-body");
        }
        String tooLong = fieldWithTooLongText(text);
        if (tooLong != null) {
            throw new ProblemException(400, "invalid-input",
                    java.util.List.of(new ProblemException.FieldError(tooLong, "validation.too-long-max", String.valueOf(MAX_TEXT))));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** The name of the first field whose text is over {@link #MAX_TEXT} characters, or null. */
    static String fieldWithTooLongText(String json) {
        try (jakarta.json.stream.JsonParser parser = JsonProcessing.parser(json)) {
            String field = "body";
            while (parser.hasNext()) {
                jakarta.json.stream.JsonParser.Event event = parser.next();
                if (event == jakarta.json.stream.JsonParser.Event.KEY_NAME) {
                    field = parser.getString();
                } else if (event == jakarta.json.stream.JsonParser.Event.VALUE_STRING
                        && parser.getString().codePointCount(0, parser.getString().length()) > MAX_TEXT) {
                    return field;
                }
            }
        } catch (RuntimeException malformed) {
            return null; // not JSON this parser takes (or nested deeper than it goes): the endpoint's reader says so
        }
        return null;
    }

    /** A control character in the JSON text, raw or escaped ({@code \u0000}), other than tab, LF and CR. */
    static boolean hasControlCharacter(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
            if (c == '\\' && i + 1 < json.length()) {
                char next = json.charAt(i + 1);
                if (next == 'u' && i + 5 < json.length()) {
                    try {
                        int code = Integer.parseInt(json.substring(i + 2, i + 6), 16);
                        if (code < 0x20 && code != '\t' && code != '\n' && code != '\r') {
                            return true;
                        }
                    } catch (NumberFormatException ignored) {
                        // not an escape the parser accepts either
                    }
                }
                i++; // the escaped character is not a new escape
            }
        }
        return false;
    }
}
