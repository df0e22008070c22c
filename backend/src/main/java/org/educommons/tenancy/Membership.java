package org.educommons.tenancy;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A tenant's membership of a community (成员资格): when it joined (the exact day when known), at
 * which joint council meeting (联席会), and whether it runs the secretariat (秘书处).
 */
@Entity
@Table(name = "community_membership")
@IdClass(Membership.Key.class)
public class Membership {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "community_id")
    private Community community;

    @Enumerated(EnumType.STRING)
    private MembershipRole role;

    private boolean secretariat;

    @Column(name = "joined_year")
    private int joinedYear;

    @Column(name = "joined_on")
    private LocalDate joinedOn;

    @Column(name = "joined_at_meeting")
    private String joinedAtMeeting;

    @Column(name = "roster_position")
    private int rosterPosition;

    protected Membership() {
    }

    public Tenant tenant() {
        return tenant;
    }

    public Community community() {
        return community;
    }

    public MembershipRole role() {
        return role;
    }

    public boolean secretariat() {
        return secretariat;
    }

    public int joinedYear() {
        return joinedYear;
    }

    /** The day the tenant joined, or {@code null} when only the year is on record. */
    public LocalDate joinedOn() {
        return joinedOn;
    }

    public String joinedAtMeeting() {
        return joinedAtMeeting;
    }

    public int rosterPosition() {
        return rosterPosition;
    }

    /** Composite key: (tenant, community). */
    public static class Key implements Serializable {
        private Long tenant;
        private Long community;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenant, k.tenant) && Objects.equals(community, k.community);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, community);
        }
    }
}
