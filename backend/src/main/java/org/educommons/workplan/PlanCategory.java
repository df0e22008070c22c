package org.educommons.workplan;

/** What kind of activity a plan item is. */
public enum PlanCategory {
    /** 培训 */
    TRAINING,
    /** 论坛 */
    FORUM,
    /** 交流 */
    EXCHANGE,
    /** 教研 / 课题 */
    RESEARCH,
    /** 资源建设 */
    RESOURCE_BUILDING,
    /** 督导评估 */
    INSPECTION,
    /** 党建 */
    PARTY_BUILDING,
    /** 其他 */
    OTHER
}
