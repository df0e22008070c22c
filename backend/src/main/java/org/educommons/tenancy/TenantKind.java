package org.educommons.tenancy;

/** Administrative level of a tenant, from province down to a single school. */
public enum TenantKind {
    PROVINCE, CITY, DISTRICT, SCHOOL_CLUSTER, SCHOOL, OTHER
}
