package org.educommons.tenancy;

import java.util.List;

/**
 * Administrative level of a tenant, from province down to a single school (省—市—县—片—校); {@link #OTHER}
 * (a university, a research institute) stands outside the levels.
 */
public enum TenantKind {
    PROVINCE, CITY, DISTRICT, SCHOOL_CLUSTER, SCHOOL, OTHER;

    /** The levels of a tenant tree, top down. */
    public static final List<TenantKind> LEVELS = List.of(PROVINCE, CITY, DISTRICT, SCHOOL_CLUSTER, SCHOOL);

    /**
     * Whether a tenant of this kind may be a child of one of kind {@code parent}: it sits on a lower level
     * (not necessarily the next: a school cluster may report straight to a city). {@link #OTHER} may be
     * placed under any tenant and hold any.
     */
    public boolean isBelow(TenantKind parent) {
        return this == OTHER || parent == OTHER || ordinal() > parent.ordinal();
    }
}
