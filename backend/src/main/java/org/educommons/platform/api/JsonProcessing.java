package org.educommons.platform.api;

import java.io.StringReader;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

/**
 * JSON-P through one provider, looked up once. The static methods of {@code jakarta.json.Json} look the
 * provider up again on every call (a service-loader scan of the class path): on the registration path
 * that lookup alone took a tenth of the server's CPU.
 */
public final class JsonProcessing {

    /** Made on first use, so that code that never parses JSON needs no provider. */
    private static final class Provider {
        static final JsonProvider INSTANCE = JsonProvider.provider();
    }

    private JsonProcessing() {
    }

    /** A streaming parser over {@code json}. */
    public static JsonParser parser(String json) {
        return Provider.INSTANCE.createParser(new StringReader(json));
    }

    /** {@code json}, a JSON object. */
    public static JsonObject object(String json) {
        try (JsonReader reader = Provider.INSTANCE.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
