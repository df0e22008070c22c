package org.educommons.activity;

/** What kind of joint activity it is. */
public enum ActivityType {
    /** 干部教师互派交流 */
    EXCHANGE,
    /** 结对帮扶 */
    SCHOOL_PAIRING,
    /** 送教送培 */
    TRAINING_SENT,
    /** 名校跟岗 */
    SHADOWING,
    /** 工作坊研修 */
    WORKSHOP,
    /** 其他 */
    OTHER
}
