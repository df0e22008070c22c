package org.educommons.activity;

/**
 * Where a joint activity stands: proposed until every organiser has confirmed its part, then
 * confirmed (visible to the whole community), done once its outcome is reported, or cancelled.
 */
public enum ActivityStatus {
    PROPOSED,
    CONFIRMED,
    DONE,
    CANCELLED;

    /** Can the activity still be cancelled or reported? */
    public boolean open() {
        return this == PROPOSED || this == CONFIRMED;
    }
}
