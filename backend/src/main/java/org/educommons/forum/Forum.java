package org.educommons.forum;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.educommons.platform.audit.Changes;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.tenancy.TenantRowKey;

/** A conference-style event (论坛) a member hosts for its community. Owned by the host tenant. */
@Entity
@Table(name = "forum")
@IdClass(TenantRowKey.class)
public class Forum {

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forum_id")
    @SequenceGenerator(name = "forum_id", sequenceName = "forum_id_seq", allocationSize = 1)
    private Long id;

    @Column(name = "community_id")
    private Long communityId;

    private String title;
    private String description;
    private String venue;

    @Column(name = "starts_at")
    private OffsetDateTime startsAt;

    @Column(name = "ends_at")
    private OffsetDateTime endsAt;

    @Column(name = "registration_opens_at")
    private OffsetDateTime registrationOpensAt;

    @Column(name = "registration_closes_at")
    private OffsetDateTime registrationClosesAt;

    private int capacity;

    @Column(name = "approval_required")
    private boolean approvalRequired;

    @Column(name = "plan_item_id")
    private Long planItemId;

    /** Credit hours (学时) each person checked in earns on their training record; null: none. */
    @Column(name = "credit_hours")
    private java.math.BigDecimal creditHours;

    @Version
    private int version;

    protected Forum() {
    }

    Forum(long hostTenantId, long communityId, ForumInput in, Long planItemId) {
        this.tenantId = hostTenantId;
        this.communityId = communityId;
        this.title = in.title().trim();
        this.description = in.description();
        this.venue = in.venue().trim();
        this.startsAt = in.startsAt();
        this.endsAt = in.endsAt();
        this.registrationOpensAt = in.registrationOpensAt();
        this.registrationClosesAt = in.registrationClosesAt();
        this.capacity = in.capacity();
        this.approvalRequired = Boolean.TRUE.equals(in.approvalRequired());
        this.planItemId = planItemId;
    }

    /** Takes the edited fields of {@code in}; returns what changed. */
    Changes apply(ForumInput in) {
        Changes changes = new Changes();
        title = changes.field("title", title, in.title().trim());
        description = changes.field("description", description, in.description());
        venue = changes.field("venue", venue, in.venue().trim());
        startsAt = changes.field("startsAt", startsAt, in.startsAt());
        endsAt = changes.field("endsAt", endsAt, in.endsAt());
        registrationOpensAt = changes.field("registrationOpensAt", registrationOpensAt, in.registrationOpensAt());
        registrationClosesAt = changes.field("registrationClosesAt", registrationClosesAt, in.registrationClosesAt());
        capacity = changes.field("capacity", capacity, in.capacity());
        approvalRequired = changes.field("approvalRequired", approvalRequired, Boolean.TRUE.equals(in.approvalRequired()));
        planItemId = changes.field("planItem", planItemId, in.planItem());
        return changes;
    }

    public int version() {
        return version;
    }

    public java.math.BigDecimal creditHours() {
        return creditHours;
    }

    void creditHours(java.math.BigDecimal hours) {
        this.creditHours = hours;
    }

    public long hostTenantId() {
        return tenantId;
    }

    public long id() {
        return id;
    }

    public long communityId() {
        return communityId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String venue() {
        return venue;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public OffsetDateTime registrationOpensAt() {
        return registrationOpensAt;
    }

    public OffsetDateTime registrationClosesAt() {
        return registrationClosesAt;
    }

    public int capacity() {
        return capacity;
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }

    public Long planItemId() {
        return planItemId;
    }

    /** When the forum takes place, in Beijing time, as people read it. */
    public String when() {
        return BeijingTime.minutes(startsAt);
    }

    /** Is registration open at {@code now}? */
    public boolean registrationOpenAt(OffsetDateTime now) {
        return !now.isBefore(registrationOpensAt) && now.isBefore(registrationClosesAt);
    }
}
