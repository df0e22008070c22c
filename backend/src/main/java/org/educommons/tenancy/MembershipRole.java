package org.educommons.tenancy;

/** How a tenant came to a community: among its founders (创始成员) or joining later. */
public enum MembershipRole {
    FOUNDING_MEMBER, MEMBER
}
