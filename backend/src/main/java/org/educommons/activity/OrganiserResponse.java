package org.educommons.activity;

/** An organiser's answer to the part it was asked to take. */
public enum OrganiserResponse {
    PENDING,
    CONFIRMED,
    DECLINED
}
