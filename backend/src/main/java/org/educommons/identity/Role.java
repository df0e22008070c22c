package org.educommons.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an account may do. */
public enum Role {
    /** Runs the SaaS (平台运维). */
    PLATFORM_OPERATOR,
    /** Staff of a community's secretariat (秘书处). */
    SECRETARIAT,
    /** Staff of a member's education authority (教委/教育局) who post plans and host forums. */
    TENANT_ADMIN,
    /** A school principal (校长). */
    PRINCIPAL;

    /** Roles as stored: space-separated names. */
    public static Set<Role> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(stored.trim().split("\\s+")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public static String format(Set<Role> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(" "));
    }
}
