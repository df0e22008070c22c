package org.educommons.workplan;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One entry of a published item's history: when, who, the progress note, field → [before, after]. */
public record PlanItemChange(long id, String changedAt, String changedBy, String note, JsonObject changes) {

    static PlanItemChange of(Object[] row) {
        try (var reader = Json.createReader(new StringReader((String) row[4]))) {
            return new PlanItemChange(((Number) row[0]).longValue(), String.valueOf(row[1]), (String) row[2], (String) row[3],
                    reader.readObject());
        }
    }
}
