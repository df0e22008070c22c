package org.educommons.workplan;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One entry of a published item's history: when, who, the progress note, field → [before, after]. */
public record PlanItemChange(String changedAt, String changedBy, String note, JsonObject changes) {

    static PlanItemChange of(Object[] row) {
        try (var reader = Json.createReader(new StringReader((String) row[3]))) {
            return new PlanItemChange(String.valueOf(row[0]), (String) row[1], (String) row[2], reader.readObject());
        }
    }
}
