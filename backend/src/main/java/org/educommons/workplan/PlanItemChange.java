package org.educommons.workplan;

import jakarta.json.JsonObject;

import org.educommons.platform.api.JsonProcessing;
import org.educommons.platform.database.Row;

/** One entry of a published item's history: when, who, the progress note, field → [before, after]. */
public record PlanItemChange(long id, String changedAt, String changedBy, String note, JsonObject changes) {

    static PlanItemChange of(Row row) {
        return new PlanItemChange(row.getLong(0), row.getText(1), row.getString(2), row.getString(3),
                JsonProcessing.object(row.getString(4)));
    }
}
