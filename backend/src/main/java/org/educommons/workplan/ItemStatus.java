package org.educommons.workplan;

/** Where a plan item stands during the year: planned → in progress → done, or cancelled. */
public enum ItemStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    /** Done and cancelled items are finished and stay so; any other move is allowed. */
    public boolean canMoveTo(ItemStatus next) {
        return next == this || (this != DONE && this != CANCELLED);
    }
}
