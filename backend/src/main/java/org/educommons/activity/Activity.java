package org.educommons.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.educommons.platform.audit.Changes;
import org.educommons.tenancy.TenantRowKey;

/** A joint activity (联合活动), owned by the member that proposed it. */
@Entity
@Table(name = "activity")
@IdClass(TenantRowKey.class)
public class Activity {

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_id")
    @SequenceGenerator(name = "activity_id", sequenceName = "activity_id_seq", allocationSize = 1)
    private Long id;

    @Column(name = "community_id")
    private Long communityId;

    private String title;

    @Enumerated(EnumType.STRING)
    private ActivityType type;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    private String description;

    @Enumerated(EnumType.STRING)
    private ActivityStatus status;

    private String outcome;

    @Column(name = "reported_at")
    private OffsetDateTime reportedAt;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    private int version;

    protected Activity() {
    }

    Activity(long proposerTenantId, long communityId, ActivityInput in, String createdBy) {
        this.tenantId = proposerTenantId;
        this.communityId = communityId;
        this.title = in.title().trim();
        this.type = in.parsedType();
        this.startsOn = in.startsOn();
        this.endsOn = in.endsOn();
        this.description = in.description();
        this.status = ActivityStatus.PROPOSED;
        this.createdBy = createdBy;
        this.updatedAt = OffsetDateTime.now();
    }

    /** Records the outcome (the first report marks the activity done). */
    /** Records the outcome (the activity is then done); returns what changed. */
    Changes report(String outcome, OffsetDateTime now) {
        Changes changes = new Changes();
        if (changes.field("status", status, ActivityStatus.DONE) != status) {
            this.status = ActivityStatus.DONE;
            this.reportedAt = now;
        }
        this.outcome = changes.field("outcome", this.outcome, outcome.trim());
        this.updatedAt = now;
        return changes;
    }

    /** Cancels the activity for {@code reason}; returns what changed. */
    Changes cancel(String reason, OffsetDateTime now) {
        Changes changes = new Changes();
        this.status = changes.field("status", status, ActivityStatus.CANCELLED);
        this.cancellationReason = changes.field("reason", cancellationReason, reason.trim());
        this.updatedAt = now;
        return changes;
    }

    public long proposerTenantId() {
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

    public ActivityType type() {
        return type;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public String description() {
        return description;
    }

    public ActivityStatus status() {
        return status;
    }

    public String outcome() {
        return outcome;
    }

    public OffsetDateTime reportedAt() {
        return reportedAt;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public String createdBy() {
        return createdBy;
    }

    public int version() {
        return version;
    }
}
