package org.educommons.forum;

/** What a session of a forum's agenda is. */
public enum SessionKind {
    /** 专题报告: everyone attends. */
    KEYNOTE,
    /** 分组研讨: each confirmed registrant chooses one group; a group may have its own capacity. */
    BREAKOUT
}
