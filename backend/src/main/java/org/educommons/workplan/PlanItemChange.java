package org.educommons.workplan;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.educommons.platform.database.Row;

/** One entry of a published item's history: when, who, the progress note, field → [before, after]. */
public record PlanItemChange(long id, String changedAt, String changedBy, String note, JsonObject changes) {

    static PlanItemChange of(Row row) {
        try (var reader = Json.createReader(new StringReader(row.getString(4)))) {
            return new PlanItemChange(row.getLong(0), row.getText(1), row.getString(2), row.getString(3), reader.readObject());
        }
    }
}
